import ASLMHCore
public enum LoaderVersion { public static let files = EmbeddedData.files.count }
