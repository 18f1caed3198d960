/// The vocabulary the generator draws from: brands and their spellings, site categories, kinds.
enum Catalogue {
    /// The at-risk families of the built-in vendor table, plus everything else.
    enum Family: Sendable { case hikvision, dahua, other }

    struct Brand: Sendable {
        let family: Family
        /// Spellings as they turn up in real asset registers; the first is the usual one.
        let spellings: [String]
        let streetModels: [String]
        let indoorModels: [String]
        let recorderModels: [String]
    }

    static let hikvision = Brand(
        family: .hikvision,
        spellings: ["Hikvision", "HIKVISION", "Hik Vision", "Hikvision Digital Technology Co.", "hikvision", "HikVision"],
        streetModels: ["DS-2CD2T47G2-L", "DS-2DE4425IW-DE", "DS-2CD2T86G2-4I"],
        indoorModels: ["DS-2CD2143G2-I", "DS-2CD1123G0E-I"],
        recorderModels: ["DS-7616NI-K2", "DS-7732NI-I4", "DS-9632NI-I8"])
    static let hiLook = Brand(
        family: .hikvision, spellings: ["HiLook", "HiLook by Hikvision", "HILOOK"],
        streetModels: ["IPC-B140H"], indoorModels: ["IPC-T240H"], recorderModels: ["NVR-108MH-C"])
    static let hiWatch = Brand(
        family: .hikvision, spellings: ["HiWatch", "HIWATCH", "Hiwatch Series"],
        streetModels: ["HWI-B140H"], indoorModels: ["HWI-T240H"], recorderModels: ["HWN-4108MH"])
    static let ezviz = Brand(
        family: .hikvision, spellings: ["EZVIZ", "Ezviz"],
        streetModels: ["H8c"], indoorModels: ["C6N", "H6c"], recorderModels: ["X5S"])
    static let dahua = Brand(
        family: .dahua,
        spellings: ["Dahua", "dahua", "DAHUA", "Dahua Technology", "Dahua Technology Co. Ltd"],
        streetModels: ["IPC-HFW2431S-S-S2", "SD49425XB-HNR"],
        indoorModels: ["IPC-HDW2431T-AS-S2", "IPC-HDBW2431E-S"],
        recorderModels: ["NVR4216-16P-4KS2", "NVR5232-EI"])
    static let imou = Brand(
        family: .dahua, spellings: ["Imou", "IMOU"],
        streetModels: ["IPC-F22"], indoorModels: ["IPC-A22"], recorderModels: ["NVR1108HS"])
    /// Formerly Dahua-owned; not in the built-in at-risk table.
    static let lorex = Brand(
        family: .other, spellings: ["Lorex", "LOREX", "Lorex Technology"],
        streetModels: ["LNB8921"], indoorModels: ["LNE8964"], recorderModels: ["N861"])
    static let safe: [Brand] = [
        Brand(family: .other, spellings: ["Axis", "AXIS Communications", "Axis Communications AB"],
              streetModels: ["P3265-LVE", "Q6075-E"], indoorModels: ["M3106-L", "M3085-V"], recorderModels: ["S3008"]),
        Brand(family: .other, spellings: ["Hanwha Vision", "Hanwha", "Hanwha Techwin"],
              streetModels: ["XNO-6080R"], indoorModels: ["XND-6080"], recorderModels: ["XRN-1620"]),
        Brand(family: .other, spellings: ["Bosch", "Bosch Security Systems", "BOSCH"],
              streetModels: ["DINION 5100i"], indoorModels: ["FLEXIDOME 3100i"], recorderModels: ["DIVAR IP 3000"]),
        Brand(family: .other, spellings: ["Avigilon", "AVIGILON"],
              streetModels: ["H5A-BO"], indoorModels: ["H5SL-D1"], recorderModels: ["NVR5"]),
        Brand(family: .other, spellings: ["Vivotek", "VIVOTEK"],
              streetModels: ["IB9387-EHT"], indoorModels: ["FD9387-HV"], recorderModels: ["ND9541P"]),
    ]

    /// The built-in vendor table (SPEC §1.2), in output order.
    static let builtInVendorKeys = ["hikvision", "hilook", "hiwatch", "ezviz", "dahua", "imou"]

    static let sensitivityLevels = ["critical", "high", "standard", "low"]

    /// A site category: its name, how many cameras such a site has, how many are indoor,
    /// and the chance of each sensitivity level (critical, high, standard, low).
    struct Category: Sendable {
        let name: String
        let cameras: ClosedRange<Int>
        let indoorShare: Double
        let sensitivity: [Double]
        /// Site-visit cost (£) in the national and the concentrated profile; 0 = none.
        let visitNational: Int
        let visitConcentrated: Int
        /// Relative frequency in the national and the concentrated profile.
        let weightNational: Double
        let weightConcentrated: Double
    }

    static let categories: [Category] = [
        Category(name: "town-centre", cameras: 6...40, indoorShare: 0.0, sensitivity: [0.10, 0.60, 0.30, 0.00],
                 visitNational: 1200, visitConcentrated: 1200, weightNational: 10, weightConcentrated: 3),
        Category(name: "civic", cameras: 4...30, indoorShare: 0.6, sensitivity: [0.30, 0.40, 0.30, 0.00],
                 visitNational: 600, visitConcentrated: 600, weightNational: 12, weightConcentrated: 6),
        Category(name: "school", cameras: 4...32, indoorShare: 0.6, sensitivity: [0.05, 0.45, 0.50, 0.00],
                 visitNational: 0, visitConcentrated: 450, weightNational: 18, weightConcentrated: 10),
        Category(name: "housing", cameras: 2...24, indoorShare: 0.5, sensitivity: [0.00, 0.10, 0.70, 0.20],
                 visitNational: 0, visitConcentrated: 350, weightNational: 25, weightConcentrated: 55),
        Category(name: "depot", cameras: 2...12, indoorShare: 0.3, sensitivity: [0.00, 0.00, 0.50, 0.50],
                 visitNational: 0, visitConcentrated: 300, weightNational: 6, weightConcentrated: 8),
        Category(name: "car-park", cameras: 2...16, indoorShare: 0.1, sensitivity: [0.00, 0.10, 0.60, 0.30],
                 visitNational: 300, visitConcentrated: 400, weightNational: 10, weightConcentrated: 8),
        Category(name: "leisure", cameras: 4...24, indoorShare: 0.6, sensitivity: [0.00, 0.15, 0.70, 0.15],
                 visitNational: 0, visitConcentrated: 400, weightNational: 9, weightConcentrated: 5),
        Category(name: "library", cameras: 1...10, indoorShare: 0.8, sensitivity: [0.00, 0.00, 0.70, 0.30],
                 visitNational: 0, visitConcentrated: 0, weightNational: 10, weightConcentrated: 5),
    ]

    /// Register kinds: outdoor street cameras, indoor cameras on existing cabling, recorders.
    static let streetCamera = "street-camera"
    static let indoorCamera = "indoor-camera"
    static let recorder = "recorder"
}
