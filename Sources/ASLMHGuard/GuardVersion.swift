public enum GuardVersion { public static let schema = 1 }
