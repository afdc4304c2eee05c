/// Byline's version: what `--version` prints and what the HTTP `User-Agent` names.
public enum BylineVersion {
    public static let number = "0.1.0"
}
