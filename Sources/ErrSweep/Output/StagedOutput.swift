import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Everything one run writes, committed together: nothing a run wrote before is touched until
/// every new file exists whole and has been checked.
///
/// Files are written under a hidden staging folder at the output root. `commit` then validates
/// each — a PNG must decode through libpng (a truncated image from a gnuplot that ran out of disk
/// and exited 0 does not), an SVG must parse as XML, no file may be empty — moves each beside its
/// destination under a temporary name (a copy where that folder is another file system), and only
/// then renames them into place, keeping a hard link to every file it replaces. If a rename fails
/// (a name taken by a directory), the files already renamed are put back from those links, and
/// the error says which destination failed and why. An interrupt waits for the renames or the
/// rollback to finish.
public final class StagedOutput: @unchecked Sendable {
    public let root: URL
    public let staging: URL
    private var finished = false

    /// A staging folder at `root`, after finishing or undoing whatever an earlier run killed
    /// mid-commit left there (`AbandonedCommit`).
    public init(root: URL) throws {
        self.root = root
        AbandonedCommit.recover(under: root)
        staging = root.appendingPathComponent(".errsweep-staging-\(ProcessInfo.processInfo.processIdentifier)")
        TemporaryFile.track(directory: staging)
        do {
            try TemporaryFile.createDirectory(staging)
        } catch {
            TemporaryFile.discard(directory: staging)
            throw AtomicFile.WriteError(description: "cannot write under \(root.path): \(AtomicFile.WriteError.reason(error))")
        }
    }

    /// The path `url` will have once committed: any staging folder in it left out, and a chart's
    /// drawing folder (`drawCharts`) read as Plots/.
    public static func destinationPath(of url: URL) -> String {
        url.path.replacing(/\/\.drawing-[0-9A-F-]+(?=\/|$)/, with: "/Plots").replacing(/\/\.errsweep-staging-[0-9]+(?=\/|$)/, with: "")
    }

    /// Where the file that will be `relative` under the root is written first.
    public func url(_ relative: String) -> URL { staging.appendingPathComponent(relative) }

    /// The staged files, relative to the staging folder, sorted.
    func stagedFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: staging, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            let base = staging.standardizedFileURL.path + "/"
            if path.hasPrefix(base), !url.lastPathComponent.hasPrefix(".") { files.append(String(path.dropFirst(base.count))) }
        }
        return files.sorted()
    }

    /// Validates and renames every staged file into place, and removes what each family's earlier
    /// run wrote and this one does not (`RunFamily`); returns the paths written, relative to the
    /// root. On any failure nothing an earlier run wrote has changed.
    @discardableResult
    public func commit(family name: String) throws -> [String] {
        try commit(families: [RunFamily(name: name, files: stagedFiles())])
    }

    /// The same for several families staged together (`errsweep report`: every function of the
    /// catalog), each naming its own files.
    @discardableResult
    public func commit(families: [RunFamily] = []) throws -> [String] {
        defer { discard() }
        var stale: [String] = []
        for family in families {
            let listing = RunFamily.listing(of: family.name)
            let earlier = try? String(contentsOf: root.appendingPathComponent(listing), encoding: .utf8)
            let replaced = family.replacing(earlier: earlier)
            try AtomicFile.write(replaced.listing, to: url(listing))
            stale += replaced.stale
        }
        let files = stagedFiles()
        stale = stale.filter { !files.contains($0) && FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        for file in files { try Self.validate(url(file), as: file) }
        // First each file moves beside its destination, under a temporary name: a rename within
        // the root's file system, a copy into another (a folder that is a mount point or a link
        // to another disk). A destination that cannot take a new file (read-only, full) fails
        // here, before anything is replaced.
        let placed = files.map { file in
            let destination = root.appendingPathComponent(file)
            return (destination: destination, temporary: TemporaryFile.beside(destination))
        }
        do {
            try AbandonedCommit.begin(in: staging, placed, removing: stale.map { root.appendingPathComponent($0) })
            for (file, (destination, temporary)) in zip(files, placed) {
                try AtomicFile.createDirectory(for: destination)
                try Self.move(url(file), to: temporary, for: destination)
                FaultInjection.point("commit-placed-one")
            }
        } catch {
            for (_, temporary) in placed { TemporaryFile.discard(temporary) }
            throw error
        }
        defer { for (_, temporary) in placed { TemporaryFile.forget(temporary) } }
        // Then the renames over the destinations, each in its own folder, all or none; a run
        // killed outright meanwhile is finished by the next (`AbandonedCommit`).
        try TemporaryFile.uninterrupted {
            AbandonedCommit.markRenaming(in: staging)
            FaultInjection.point("commit-renaming")
            var done: [(destination: URL, backup: URL?)] = []
            func rollBack(_ reason: String, _ destination: URL) -> AtomicFile.WriteError {
                for (destination, backup) in done.reversed() {
                    if let backup { rename(backup.path, destination.path) } else { unlink(destination.path) }
                }
                for (_, temporary) in placed { unlink(temporary.path) }
                return AtomicFile.WriteError(cannotWrite: destination, reason: reason)
            }
            for (destination, temporary) in placed {
                var backup: URL?
                if FileManager.default.fileExists(atPath: destination.path) {
                    let link = destination.deletingLastPathComponent()
                        .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).bak")
                    unlink(link.path)
                    guard Foundation.link(destination.path, link.path) == 0 else { throw rollBack(String(cString: strerror(errno)), destination) }
                    backup = link
                }
                guard rename(temporary.path, destination.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    if let backup { unlink(backup.path) }
                    throw rollBack(reason, destination)
                }
                done.append((destination, backup))
                FaultInjection.point("commit-renamed-one")
            }
            for case let (_, backup?) in done { unlink(backup.path) }
            for file in stale { unlink(root.appendingPathComponent(file).path) }
        }
        return files
    }

    /// Moves a staged file to `temporary`, beside its destination: renamed where both are on one
    /// file system, copied (and the staged one left for `discard`) where they are not (EXDEV).
    static func move(_ source: URL, to temporary: URL, for destination: URL) throws {
        if rename(source.path, temporary.path) == 0 { return }
        guard errno == EXDEV else { throw AtomicFile.WriteError(cannotWrite: destination, reason: String(cString: strerror(errno))) }
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw AtomicFile.WriteError(cannotWrite: destination, reason: "the staged file could not be read")
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.WriteError(cannotWrite: destination, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        try data.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                guard count > 0 else { throw AtomicFile.WriteError(cannotWrite: destination, reason: String(cString: strerror(errno))) }
                written += count
            }
        }
    }

    /// Removes the staging folder and whatever is still in it.
    public func discard() {
        guard !finished else { return }
        finished = true
        TemporaryFile.discard(directory: staging)
    }

    deinit { discard() }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// A staged file that is empty, a PNG cut short, or an SVG that is not XML. (Charts are also
    /// decoded whole with libpng as they are drawn, by the charts product; the engine needs no
    /// libpng to see that a copy was cut short.)
    package static func validate(_ url: URL, as name: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size > 0 else { throw Invalid(description: "\(name) came out empty; nothing was replaced") }
        if name.hasSuffix(".png") {
            guard isWholePNG(url) else {
                throw Invalid(description: "\(name) came out as \(size) bytes that are not a whole PNG (a full disk, or the renderer failed); nothing was replaced")
            }
        } else if name.hasSuffix(".svg") {
            guard let parser = XMLParser(contentsOf: url), parser.parse() else {
                throw Invalid(description: "\(name) came out as \(size) bytes that are not well-formed SVG; nothing was replaced")
            }
        } else if name.hasSuffix(".pdf") {
            guard isWholePDF(url) else {
                throw Invalid(description: "\(name) came out as \(size) bytes that are not a whole PDF (a full disk, or the renderer failed); nothing was replaced")
            }
        }
    }

    /// A PDF's header at the start and its end-of-file marker in the last bytes (ISO 32000-1
    /// §7.5.2 and §7.5.5: "%PDF-" first, "%%EOF" last, then at most an end of line), so a file cut
    /// short is caught.
    static func isWholePDF(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url), data.count >= 16 else { return false }
        return data.prefix(5) == Data("%PDF-".utf8) && data.suffix(8).range(of: Data("%%EOF".utf8)) != nil
    }

    /// A PNG's signature at the start and its IEND chunk at the end (PNG specification, ISO/IEC
    /// 15948 §5.2 and §11.2.5: a zero length, "IEND", and that chunk's fixed CRC AE 42 60 82), so a
    /// file cut short anywhere is caught.
    static func isWholePNG(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url), data.count >= 8 + 12 else { return false }
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return Array(data.prefix(8)) == signature && Array(data.suffix(12)) == end
    }
}
