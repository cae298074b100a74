public enum CoreVersion { public static let schema = 1 }
