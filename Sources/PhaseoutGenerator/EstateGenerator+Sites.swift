#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension EstateGenerator {
    /// Appends one council's sites to `csv` until exactly `units` units are written.
    ///
    /// Every draw comes from `rng` in a fixed order — the council's brand habits, then (when the
    /// profile fixes the number of sites) the sites' sizes, then per site its layout, its brands,
    /// its install year and its rows — so the same seed gives the same text.
    func generateSites(council t: inout CouncilTally, code: String, units: Int, costs: KindCosts,
                       traits: ProfileTraits, rng: inout SeededGenerator, csv: inout String) {
        let brands = CouncilBrands(family: t.family, riskChance: traits.siteRiskChance, rng: &rng)
        let site = SiteContext(code: code, councilField: Self.csvField(t.name), brands: brands, costs: costs, traits: traits)
        if let perOrganisation = traits.sitesPerOrganisation {
            let sizes = Self.siteSizes(units: units, sites: perOrganisation, rng: &rng)
            for (index, size) in sizes.enumerated() {
                let layout = SiteLayout(units: size, categoryWeights: traits.categoryWeights,
                                        recorderChance: traits.recorderChance,
                                        camerasPerRecorder: traits.camerasPerRecorder, rng: &rng)
                writeSite(number: index + 1, layout, site, council: &t, rng: &rng, csv: &csv)
            }
            return
        }
        var remaining = units
        var siteNo = 0
        while remaining > 0 {
            siteNo += 1
            let layout = SiteLayout(remaining: remaining, categoryWeights: traits.categoryWeights,
                                    recorderChance: traits.recorderChance, rng: &rng)
            remaining -= layout.cameras + layout.recorders
            writeSite(number: siteNo, layout, site, council: &t, rng: &rng, csv: &csv)
        }
    }

    /// The units of each of an organisation's sites when the profile fixes how many it has: a
    /// count drawn from `sites` (at most `units`), sizes log-normal (σ = 0.5, clipped at ±2σ),
    /// apportioned so that they sum to `units` exactly, each at least 1.
    static func siteSizes(units: Int, sites: ClosedRange<Int>, rng: inout SeededGenerator) -> [Int] {
        let count = min(units, rng.nextInt(in: sites))
        let weights = (0..<count).map { _ in exp(0.5 * min(2, max(-2, rng.nextNormal()))) }
        return apportion(total: units, weights: weights)
    }

    /// Writes site number `number` of a council and adds it to the council's tally.
    private func writeSite(number siteNo: Int, _ layout: SiteLayout, _ site: SiteContext,
                           council t: inout CouncilTally, rng: inout SeededGenerator, csv: inout String) {
        let vendors = site.brands.siteVendors(firstSite: siteNo == 1, hasRecorder: layout.recorders > 0, rng: &rng)
        let visit = site.traits.visitCost(layout.category)
        let firstYear = 2012 + rng.nextInt(in: 0...13)

        let siteId = "S" + Self.pad(siteNo, 4)
        var rows = SiteRows(prefix: site.code + "-" + siteId + "-", councilField: site.councilField, siteId: siteId,
                            suffix: "," + layout.sensitivity + "," + layout.category.name + ",",
                            visit: visit, critical: layout.sensitivity == "critical", firstYear: firstYear,
                            removableSeed: options.treatments ? options.seed : nil)
        writeRows(layout, vendors: vendors, costs: site.costs, rows: &rows, council: &t, rng: &rng, csv: &csv)

        t.sites += 1
        if visit > 0 { t.sitesWithVisitCost += 1 }
        if rows.critical && rows.atRiskUnits > 0 && visit > 0 { t.deadlineCost += visit }
    }

    /// Writes a site's rows: its recorders, its street cameras one per row, then its indoor cameras
    /// either one per row or as one to three batches of identical units.
    private func writeRows(_ layout: SiteLayout, vendors: SiteVendors, costs: KindCosts, rows: inout SiteRows,
                           council t: inout CouncilTally, rng: inout SeededGenerator, csv: inout String) {
        let cameraBrand = vendors.cameraBrand, recorderBrand = vendors.recorderBrand
        for _ in 0..<layout.recorders {
            rows.append(kind: Catalogue.recorder, vendor: vendors.recorderVendor,
                        model: rng.element(of: recorderBrand.recorderModels),
                        installed: rows.laterYear(0.2, 0...6, rng: &rng), quantity: 1,
                        cost: costs.recorder, hours: Self.recorderHours, family: recorderBrand.family,
                        council: &t, csv: &csv)
        }
        if layout.recorders > 0 {
            t.sitesWithRecorder += 1
            if recorderBrand.family != .other {
                // The site's recorders are gone together (SPEC §2.3 rule 6): one block.
                t.maxLeaderCost = max(t.maxLeaderCost, layout.recorders * costs.recorder + rows.visit)
                t.maxLeaderHours = max(t.maxLeaderHours, layout.recorders * Self.recorderHours)
            }
        }
        let cameras = layout.cameras
        let indoorTarget = Double(cameras) * layout.category.indoorShare * rng.nextDouble(0.6, 1.4)
        let indoor = max(0, min(cameras, Int(indoorTarget.rounded())))
        let street = cameras - indoor
        let streetModel = rng.element(of: cameraBrand.streetModels)
        for _ in 0..<street {
            rows.append(kind: Catalogue.streetCamera, vendor: vendors.cameraVendor, model: streetModel,
                        installed: rows.laterYear(0.25, 1...4, rng: &rng), quantity: 1,
                        cost: costs.street, hours: Self.streetHours, family: cameraBrand.family,
                        council: &t, csv: &csv)
        }
        let indoorModel = rng.element(of: cameraBrand.indoorModels)
        if indoor >= 2 && rng.chance(0.6) {
            // Identical indoor cameras as one to three batches.
            let batches = min(indoor, rng.nextInt(in: 1...3))
            var left = indoor
            for b in 0..<batches {
                let q = b == batches - 1 ? left : rng.nextInt(in: 1...(left - (batches - 1 - b)))
                left -= q
                rows.append(kind: Catalogue.indoorCamera, vendor: vendors.cameraVendor, model: indoorModel,
                            installed: b == 0 ? rows.firstYear : rows.laterYear(0.8, 1...5, rng: &rng), quantity: q,
                            cost: costs.indoor, hours: Self.indoorHours, family: cameraBrand.family,
                            council: &t, csv: &csv)
            }
        } else {
            for _ in 0..<indoor {
                rows.append(kind: Catalogue.indoorCamera, vendor: vendors.cameraVendor, model: indoorModel,
                            installed: rows.laterYear(0.25, 1...4, rng: &rng), quantity: 1,
                            cost: costs.indoor, hours: Self.indoorHours, family: cameraBrand.family,
                            council: &t, csv: &csv)
            }
        }
    }

    /// A CSV field, quoted per RFC 4180 only when it must be.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

/// A council's brand habits, drawn once before its first site.
private struct CouncilBrands {
    let atRisk: Bool
    /// The chance that a site after the first is at risk (0 for a council with no at-risk family).
    let siteRiskChance: Double
    let riskyBrands: [Catalogue.Brand]
    let riskyBrandWeights: [Double]
    /// Each council has a habitual spelling and one or two usual safe brands.
    let habit: Int
    let safeMain: Catalogue.Brand
    let safeSecond: Catalogue.Brand

    init(family: Catalogue.Family, riskChance: ClosedRange<Double>, rng: inout SeededGenerator) {
        atRisk = family != .other
        siteRiskChance = atRisk ? rng.nextDouble(riskChance.lowerBound, riskChance.upperBound) : 0
        if family == .dahua {
            riskyBrands = [Catalogue.dahua, Catalogue.imou]; riskyBrandWeights = [0.85, 0.15]
        } else {
            riskyBrands = [Catalogue.hikvision, Catalogue.hiLook, Catalogue.hiWatch, Catalogue.ezviz]
            riskyBrandWeights = [0.80, 0.08, 0.07, 0.05]
        }
        habit = rng.nextInt(below: 6)
        safeMain = rng.element(of: Catalogue.safe)
        safeSecond = rng.element(of: Catalogue.safe)
    }

    /// The brands and vendor spellings of one site. A council's first site is always at risk
    /// when the council has an at-risk family, so that every such council has something to replace.
    func siteVendors(firstSite: Bool, hasRecorder: Bool, rng: inout SeededGenerator) -> SiteVendors {
        let risky = atRisk && (firstSite || rng.chance(siteRiskChance))
        let cameraBrand = risky ? riskyBrands[rng.pick(weights: riskyBrandWeights)] : safeBrand(rng: &rng)
        // One site in ten has a recorder from the other side (a Hikvision NVR behind Axis cameras).
        var recorderBrand = cameraBrand
        if hasRecorder && rng.chance(0.1) {
            recorderBrand = risky ? safeBrand(rng: &rng) : (atRisk ? riskyBrands[0] : safeBrand(rng: &rng))
        }
        let cameraVendor = spelling(cameraBrand, rng: &rng)
        let recorderVendor = recorderBrand.family == cameraBrand.family && recorderBrand.spellings == cameraBrand.spellings
            ? cameraVendor : spelling(recorderBrand, rng: &rng)
        return SiteVendors(cameraBrand: cameraBrand, recorderBrand: recorderBrand,
                           cameraVendor: cameraVendor, recorderVendor: recorderVendor)
    }

    private func spelling(_ brand: Catalogue.Brand, rng: inout SeededGenerator) -> String {
        rng.chance(0.7) ? brand.spellings[habit % brand.spellings.count] : rng.element(of: brand.spellings)
    }

    private func safeBrand(rng: inout SeededGenerator) -> Catalogue.Brand {
        if rng.chance(0.05) { return Catalogue.lorex }
        return rng.chance(0.75) ? safeMain : safeSecond
    }
}

/// What stays the same across one council's sites.
private struct SiteContext {
    /// `C001`: the council's part of every device id.
    let code: String
    let councilField: String
    let brands: CouncilBrands
    let costs: EstateGenerator.KindCosts
    let traits: ProfileTraits
}

/// What a site holds: its category and sensitivity, and how many cameras and recorders.
private struct SiteLayout {
    let category: Catalogue.Category
    let sensitivity: String
    let cameras: Int
    let recorders: Int

    /// A site of exactly `units` units: with recorders (by `recorderChance`), as few as serve
    /// the cameras at `camerasPerRecorder` each, and at least one camera; a site of one unit is a camera.
    init(units: Int, categoryWeights: [Double], recorderChance: Double, camerasPerRecorder: Int,
         rng: inout SeededGenerator) {
        category = Catalogue.categories[rng.pick(weights: categoryWeights)]
        sensitivity = Catalogue.sensitivityLevels[rng.pick(weights: category.sensitivity)]
        let hasRecorder = rng.chance(recorderChance) && units >= 2
        recorders = hasRecorder ? (units + camerasPerRecorder) / (camerasPerRecorder + 1) : 0
        cameras = units - recorders
    }

    /// A site drawn with its category's camera count and at most one recorder, trimmed so that
    /// the council's last site uses up exactly the `remaining` units.

    init(remaining: Int, categoryWeights: [Double], recorderChance: Double, rng: inout SeededGenerator) {
        category = Catalogue.categories[rng.pick(weights: categoryWeights)]
        sensitivity = Catalogue.sensitivityLevels[rng.pick(weights: category.sensitivity)]
        let span = category.cameras
        let u = rng.nextDouble()
        var cameras = min(span.upperBound,
                          span.lowerBound + Int(Double(span.count) * u * u.squareRoot()))
        var recorders = rng.chance(recorderChance) ? 1 : 0
        if cameras + recorders > remaining {
            if recorders == 1 && remaining >= 2 { cameras = remaining - 1 } else { recorders = 0; cameras = remaining }
        }
        self.cameras = cameras
        self.recorders = recorders
    }
}

/// The brands of a site's cameras and recorder, with the vendor text written for each.
private struct SiteVendors {
    let cameraBrand: Catalogue.Brand
    let recorderBrand: Catalogue.Brand
    let cameraVendor: String
    let recorderVendor: String
}

/// Writes the rows of one site and adds each row's units, costs and hours to the council's tally.
private struct SiteRows {
    /// `C001-S0001-`: every device id at the site starts with it.
    let prefix: String
    let councilField: String
    let siteId: String
    /// `,critical,town-centre,`: the sensitivity and category fields, with their separators.
    let suffix: String
    let visit: Int
    let critical: Bool
    let firstYear: Int
    /// With treatments, the seed of the `removable` column's draws; `nil`: no such column.
    let removableSeed: UInt64?
    private(set) var rowNo = 0
    private(set) var atRiskUnits = 0

    init(prefix: String, councilField: String, siteId: String, suffix: String,
         visit: Int, critical: Bool, firstYear: Int, removableSeed: UInt64?) {
        self.removableSeed = removableSeed
        self.prefix = prefix
        self.councilField = councilField
        self.siteId = siteId
        self.suffix = suffix
        self.visit = visit
        self.critical = critical
        self.firstYear = firstYear
    }

    /// With probability `chance`, a year `span` after the site's first, capped at 2025; else the first.
    func laterYear(_ chance: Double, _ span: ClosedRange<Int>, rng: inout SeededGenerator) -> Int {
        rng.chance(chance) ? min(2025, firstYear + rng.nextInt(in: span)) : firstYear
    }

    mutating func append(kind: String, vendor: String, model: String, installed: Int, quantity: Int,
                         cost: Int, hours: Int, family: Catalogue.Family,
                         council t: inout EstateGenerator.CouncilTally, csv: inout String) {
        rowNo += 1
        csv += prefix
        csv += EstateGenerator.pad(rowNo, 2)
        csv += ","; csv += councilField
        csv += ","; csv += siteId
        csv += ","; csv += kind
        csv += ","; csv += vendor
        csv += ","; csv += model
        csv += suffix
        csv += String(installed)
        csv += ","; csv += String(quantity)
        if let removableSeed {
            csv += ","
            if EstateGenerator.isRemovable(deviceID: prefix + EstateGenerator.pad(rowNo, 2), kind: kind, seed: removableSeed) {
                csv += "yes"
            }
        }
        csv += "\n"
        t.rows += 1
        t.units += quantity
        t.estateCost += quantity * cost
        t.estateHours += quantity * hours
        guard family != .other else { return }
        t.maxUnitCost = max(t.maxUnitCost, cost + visit)
        atRiskUnits += quantity
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

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
