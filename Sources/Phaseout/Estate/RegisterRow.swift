/// One register row: a device, or a batch of identical devices (`quantity`).
///
/// Values are trimmed of Unicode white space. Optional columns that are absent or empty take
/// their defaults (`sensitivity` "standard", `site_category` "default", `quantity` 1).
public struct RegisterRow: Sendable {
    /// The device's identifier, unique in the register (compared exactly).
    public var deviceID: String
    /// The owning organisation, as spelled in this row.
    public var council: String
    /// The site's identifier, unique within its organisation (compared exactly).
    public var siteID: String
    /// The kind (`camera`, `recorder`, …), as spelled in this row.
    public var kind: String
    /// The manufacturer, as spelled in this row.
    public var vendor: String
    /// The site's sensitivity level, lower-cased; "standard" when not given.
    public var sensitivity: String
    /// The site's category, as spelled in this row; "default" when not given.
    public var siteCategory: String
    /// The model, informational; empty when not given.
    public var model: String
    /// The year the device was installed, if given.
    public var installed: Int?
    /// The number of identical units this row stands for (≥ 1).
    public var quantity: Int
    /// The period label these units are locked to (contracted works), as spelled in the row.
    public var lockedPeriod: String?
    /// Whether the owner agrees these units may be removed without a successor (`removable`).
    public var removable: Bool = false
    /// The register's other columns, in file order: (column name, value).
    public var extra: [(column: String, value: String)]
    /// The line where this row's record starts (header = line 1).
    public var line: Int

    /// Creates a row; the defaults are the register's.
    public init(
        deviceID: String, council: String, siteID: String, kind: String, vendor: String,
        sensitivity: String = "standard", siteCategory: String = "default", model: String = "",
        installed: Int? = nil, quantity: Int = 1, lockedPeriod: String? = nil,
        extra: [(column: String, value: String)] = [], line: Int = 0
    ) {
        self.deviceID = deviceID
        self.council = council
        self.siteID = siteID
        self.kind = kind
        self.vendor = vendor
        self.sensitivity = sensitivity
        self.siteCategory = siteCategory
        self.model = model
        self.installed = installed
        self.quantity = quantity
        self.lockedPeriod = lockedPeriod
        self.extra = extra
        self.line = line
    }
}
