/// The one place the version of Praxis is written. `praxis --version` prints it, and the Debian
/// package (scripts/package.sh) reads it from the built binary's `--version`, so the two can never
/// disagree with each other.
public enum PraxisVersion {
    public static let current = "0.2.0"
}
