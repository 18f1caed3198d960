import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shard folder as `phaseout merge` reads it: its shard.json, checked on its own.
///
/// A shard run writes its files as one set (``OutputSet``), so a folder without summary.json is
/// a shard that failed or was killed before it wrote anything, never a half-written one.
struct ShardFolder: Sendable {
    /// The folder as the command line named it.
    var path: String
    var record: ShardRecord

    /// The shard in `path`.
    /// - Throws: ``ShardError`` naming the folder: missing, unfinished, not a shard, or a
    ///   shard.json that cannot be read.
    static func read(_ path: String) throws(ShardError) -> ShardFolder {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ShardError("no such folder: did this shard run?", folder: path) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw ShardError("not a folder", folder: path) }
        guard stat(path + "/summary.json", &info) == 0 else {
            throw ShardError("no summary.json: the shard did not finish (a failed or killed run writes no files)", folder: path)
        }
        guard stat(path + "/shard.json", &info) == 0 else {
            throw ShardError("no shard.json: not a shard folder (planned without --shard?)", folder: path)
        }
        let data: Data
        do {
            data = Data(try FileAccess.readRegularFile(path + "/shard.json"))
        } catch {
            throw ShardError("shard.json: \(error.reason)", folder: path)
        }
        let record = try decode(data, folder: path)
        guard Shard(index: record.shard.index, count: record.shard.count) != nil else {
            throw ShardError("shard.json names shard \(record.shard.index)/\(record.shard.count), which is no slice", folder: path)
        }
        guard record.outcomes.map(\.organisation) == record.shard.organisations else {
            throw ShardError("shard.json's outcomes are not those of the organisations it lists", folder: path)
        }
        return ShardFolder(path: path, record: record)
    }

    /// The record in shard.json's bytes, once its format is known to be ours.
    private static func decode(_ data: Data, folder: String) throws(ShardError) -> ShardRecord {
        struct Format: Decodable { var format: Int }
        guard let format = try? JSONDecoder().decode(Format.self, from: data) else {
            throw ShardError("shard.json is not a shard record (no \"format\")", folder: folder)
        }
        guard format.format == ShardRecord.currentFormat else {
            throw ShardError("shard.json has format \(format.format); this phaseout reads format \(ShardRecord.currentFormat)",
                             folder: folder)
        }
        do {
            return try ShardRecord.read(data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ShardError("shard.json lacks \"\(key.stringValue)\"\(place(context))", folder: folder)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ShardError("shard.json has an unexpected value\(place(context))", folder: folder)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw ShardError("shard.json has an unexpected value\(place(context))", folder: folder)
        } catch {
            throw ShardError("shard.json is not valid JSON", folder: folder)
        }
    }

    /// ` at outcomes[3].status`, where a decoding error happened.
    private static func place(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : " at " + path.drop { $0 == "." }
    }
}
