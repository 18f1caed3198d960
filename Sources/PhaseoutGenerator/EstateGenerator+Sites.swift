extension EstateGenerator {
    /// Appends one council's sites to `csv` until exactly `units` units are written.
    func generateSites(council t: inout CouncilTally, code: String, units: Int, costs: KindCosts,
                       national: Bool, rng: inout SeededGenerator, csv: inout String) {
        let categories = Catalogue.categories
        let categoryWeights = categories.map { national ? $0.weightNational : $0.weightConcentrated }
        let recorderChance = national ? 0.85 : 0.95
        let atRisk = t.family != .other
        let siteRiskChance = atRisk ? (national ? rng.nextDouble(0.35, 0.9) : rng.nextDouble(0.5, 0.8)) : 0
        let riskyBrands: [Catalogue.Brand]
        let riskyBrandWeights: [Double]
        if t.family == .dahua {
            riskyBrands = [Catalogue.dahua, Catalogue.imou]; riskyBrandWeights = [0.85, 0.15]
        } else {
            riskyBrands = [Catalogue.hikvision, Catalogue.hiLook, Catalogue.hiWatch, Catalogue.ezviz]
            riskyBrandWeights = [0.80, 0.08, 0.07, 0.05]
        }
        // Each council has a habitual spelling and one or two usual safe brands.
        let habit = rng.nextInt(below: 6)
        let safeMain = rng.element(of: Catalogue.safe)
        let safeSecond = rng.element(of: Catalogue.safe)

        func spelling(_ brand: Catalogue.Brand) -> String {
            rng.chance(0.7) ? brand.spellings[habit % brand.spellings.count] : rng.element(of: brand.spellings)
        }
        func safeBrand() -> Catalogue.Brand {
            if rng.chance(0.05) { return Catalogue.lorex }
            return rng.chance(0.75) ? safeMain : safeSecond
        }

        var remaining = units
        var siteNo = 0
        while remaining > 0 {
            siteNo += 1
            let category = categories[rng.pick(weights: categoryWeights)]
            let sensitivity = Catalogue.sensitivityLevels[rng.pick(weights: category.sensitivity)]
            let span = category.cameras
            let u = rng.nextDouble()
            var cameras = min(span.upperBound,
                              span.lowerBound + Int(Double(span.count) * u * u.squareRoot()))
            var recorders = rng.chance(recorderChance) ? 1 : 0
            if cameras + recorders > remaining {
                if recorders == 1 && remaining >= 2 { cameras = remaining - 1 } else { recorders = 0; cameras = remaining }
            }
            remaining -= cameras + recorders

            let risky = atRisk && (siteNo == 1 || rng.chance(siteRiskChance))
            let cameraBrand = risky ? riskyBrands[rng.pick(weights: riskyBrandWeights)] : safeBrand()
            // One site in ten has a recorder from the other side (a Hikvision NVR behind Axis cameras).
            var recorderBrand = cameraBrand
            if recorders > 0 && rng.chance(0.1) {
                recorderBrand = risky ? safeBrand() : (atRisk ? riskyBrands[0] : safeBrand())
            }
            let cameraVendor = spelling(cameraBrand)
            let recorderVendor = recorderBrand.family == cameraBrand.family && recorderBrand.spellings == cameraBrand.spellings
                ? cameraVendor : spelling(recorderBrand)
            let visit = national ? category.visitNational : category.visitConcentrated
            let critical = sensitivity == "critical"
            let firstYear = 2012 + rng.nextInt(in: 0...13)
            func laterYear(_ chance: Double, _ span: ClosedRange<Int>) -> Int {
                rng.chance(chance) ? min(2025, firstYear + rng.nextInt(in: span)) : firstYear
            }

            let siteId = "S" + Self.pad(siteNo, 4)
            let siteRowPrefix = code + "-" + siteId + "-"
            let siteSuffix = "," + sensitivity + "," + category.name + ","
            let councilField = Self.csvField(t.name)
            var rowNo = 0
            var siteAtRiskUnits = 0
            func row(kind: String, vendor: String, model: String, installed: Int, quantity: Int,
                     cost: Int, hours: Int, family: Catalogue.Family) {
                rowNo += 1
                csv += siteRowPrefix
                csv += Self.pad(rowNo, 2)
                csv += ","; csv += councilField
                csv += ","; csv += siteId
                csv += ","; csv += kind
                csv += ","; csv += vendor
                csv += ","; csv += model
                csv += siteSuffix
                csv += String(installed)
                csv += ","; csv += String(quantity)
                csv += "\n"
                t.rows += 1
                t.units += quantity
                t.estateCost += quantity * cost
                t.estateHours += quantity * hours
                if family != .other {
                    t.maxUnitCost = max(t.maxUnitCost, cost + visit)
                    siteAtRiskUnits += quantity
                    t.atRiskUnits += quantity
                    t.atRiskCost += quantity * cost
                    t.atRiskHours += quantity * hours
                    if critical {
                        t.deadlineUnits += quantity
                        t.deadlineCost += quantity * cost
                        t.deadlineHours += quantity * hours
                    }
                }
            }

            if recorders > 0 {
                row(kind: Catalogue.recorder, vendor: recorderVendor,
                    model: rng.element(of: recorderBrand.recorderModels),
                    installed: laterYear(0.2, 0...6), quantity: 1,
                    cost: costs.recorder, hours: Self.recorderHours, family: recorderBrand.family)
                t.sitesWithRecorder += 1
                if recorderBrand.family != .other {
                    t.maxLeaderCost = max(t.maxLeaderCost, costs.recorder + visit)
                    t.maxLeaderHours = max(t.maxLeaderHours, Self.recorderHours)
                }
            }
            let indoorTarget = Double(cameras) * category.indoorShare * rng.nextDouble(0.6, 1.4)
            let indoor = max(0, min(cameras, Int(indoorTarget.rounded())))
            let street = cameras - indoor
            let streetModel = rng.element(of: cameraBrand.streetModels)
            for _ in 0..<street {
                row(kind: Catalogue.streetCamera, vendor: cameraVendor, model: streetModel,
                    installed: laterYear(0.25, 1...4), quantity: 1,
                    cost: costs.street, hours: Self.streetHours, family: cameraBrand.family)
            }
            let indoorModel = rng.element(of: cameraBrand.indoorModels)
            if indoor >= 2 && rng.chance(0.6) {
                // Identical indoor cameras as one to three batches.
                let batches = min(indoor, rng.nextInt(in: 1...3))
                var left = indoor
                for b in 0..<batches {
                    let q = b == batches - 1 ? left : rng.nextInt(in: 1...(left - (batches - 1 - b)))
                    left -= q
                    row(kind: Catalogue.indoorCamera, vendor: cameraVendor, model: indoorModel,
                        installed: b == 0 ? firstYear : laterYear(0.8, 1...5), quantity: q,
                        cost: costs.indoor, hours: Self.indoorHours, family: cameraBrand.family)
                }
            } else {
                for _ in 0..<indoor {
                    row(kind: Catalogue.indoorCamera, vendor: cameraVendor, model: indoorModel,
                        installed: laterYear(0.25, 1...4), quantity: 1,
                        cost: costs.indoor, hours: Self.indoorHours, family: cameraBrand.family)
                }
            }

            t.sites += 1
            if visit > 0 { t.sitesWithVisitCost += 1 }
            if critical && siteAtRiskUnits > 0 && visit > 0 { t.deadlineCost += visit }
        }
    }

    /// A CSV field, quoted per RFC 4180 only when it must be.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
