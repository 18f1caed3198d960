/// What a profile fixes about the estate beyond ``GeneratorOptions``: how sites are shaped,
/// which of them pay a visit, and who has labour limits.
///
/// Every draw a profile makes is described here, so that the site and budget code never asks
/// which profile it runs under; a profile that does not draw something (labour limits for every
/// organisation) makes no draw for it, which keeps the existing profiles' streams — and files —
/// as they are.
struct ProfileTraits: Sendable {
    let profile: GeneratorOptions.Profile
    /// Relative frequency of each site category, in ``Catalogue/categories`` order.
    let categoryWeights: [Double]
    /// The chance that a site has recorders.
    let recorderChance: Double
    /// The range of an at-risk organisation's chance that a site after its first is at risk.
    let siteRiskChance: ClosedRange<Double>
    /// Share of organisations with labour limits; at 1 every organisation has them and nothing is drawn.
    let labourShare: Double
    /// Sites per organisation, drawn once per organisation; `nil`: sites are drawn one by one
    /// with their category's camera count until the organisation's units are used up.
    let sitesPerOrganisation: ClosedRange<Int>?
    /// Cameras one recorder serves (the channels of one NVR) at a site of a fixed size; sites
    /// drawn one by one have at most one recorder.
    let camerasPerRecorder: Int
    private let paysVisitsAlmostEverywhere: Bool

    init(_ profile: GeneratorOptions.Profile) {
        self.profile = profile
        switch profile {
        case .national:
            categoryWeights = Catalogue.categories.map(\.weightNational)
            recorderChance = 0.85
            siteRiskChance = 0.35...0.9
            labourShare = 0.3
            sitesPerOrganisation = nil
            camerasPerRecorder = 32
            paysVisitsAlmostEverywhere = false
        case .concentrated:
            categoryWeights = Catalogue.categories.map(\.weightConcentrated)
            recorderChance = 0.95
            siteRiskChance = 0.5...0.8
            labourShare = 1
            sitesPerOrganisation = nil
            camerasPerRecorder = 32
            paysVisitsAlmostEverywhere = true
        case .regional:
            // A regional body's estate: the national mix of site kinds, but few, large sites
            // (hospitals, campuses, depots) where every visit is a paid call-out.
            categoryWeights = Catalogue.categories.map(\.weightNational)
            recorderChance = 0.95
            siteRiskChance = 0.35...0.9
            labourShare = 1
            sitesPerOrganisation = 100...200
            camerasPerRecorder = 32
            paysVisitsAlmostEverywhere = true
        }
    }

    /// The site-visit cost (£) of a category in this profile; 0 = none.
    func visitCost(_ category: Catalogue.Category) -> Int {
        paysVisitsAlmostEverywhere ? category.visitConcentrated : category.visitNational
    }
}

extension GeneratorOptions.Profile {
    /// Units per organisation the regional profile aims at (its organisations hold 5,000–10,000).
    static let regionalUnitsPerOrganisation = 7_500

    /// The number of organisations the profile gives `devices` units when none is asked for:
    /// `devices / 7,500` rounded (at least 1) for regional, `nil` for the others.
    ///
    /// ```swift
    /// GeneratorOptions.Profile.regional.defaultOrganisations(devices: 100_000)   // 13
    /// ```
    public func defaultOrganisations(devices: Int) -> Int? {
        guard self == .regional, devices >= 1 else { return nil }
        let count = (Double(devices) / Double(Self.regionalUnitsPerOrganisation)).rounded()
        return min(devices, max(1, Int(count)))
    }
}
