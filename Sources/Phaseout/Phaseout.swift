/// Phaseout plans the phased replacement of high-risk surveillance devices.
public enum PhaseoutInfo {
    public static let specVersion = "v1"
}
