import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `praxis serve` under attack and under load, each case against the real process: a checkout
/// of a thousand files is one build, requests naming another host are refused, idle and
/// half-sent connections are closed, running out of descriptors neither spins nor stops it,
/// and requests during a full rebuild are answered from the last good site.
final class ServeHardeningTests: XCTestCase {
    // MARK: Bursts of file events

    func testAGitCheckoutOfAThousandFilesIsOneBuild() throws {
        let site = try SiteFixture.make()
        try git(site.url, "init", "-q", "-b", "main")
        try git(site.url, "add", "-A")
        try git(site.url, "commit", "-q", "-m", "one practice")
        try git(site.url, "checkout", "-q", "-b", "many")
        try writePractices(1000, into: site)
        try git(site.url, "add", "-A")
        try git(site.url, "commit", "-q", "-m", "a thousand practices")
        try git(site.url, "checkout", "-q", "main")
        XCTAssertFalse(site.exists("content/practices/praxis-0999.md"))

        let serve = try ServeProcess(site.url)
        let before = serve.builds.count
        try git(site.url, "checkout", "-q", "many")
        // The event: the last file git wrote (it writes in the order of the names) is served.
        XCTAssertTrue(waitUntil(timeout: 600) { (try? serve.get("/katalog/practices/praxis-0999/").status) == 200 },
                      "the checked-out practices are served; builds: \(serve.builds.suffix(5))")
        // A broken file written now is built after every build of the checkout: its failure
        // marks where they end (what was left of the checkout merges into it).
        try site.write(["content/practices/zz-kaputt.md": "---\ntitle: Kaputt\n---\nOhne Handlungsfeld.\n"])
        var failed: Int?
        XCTAssertTrue(waitUntil(timeout: 300) {
            failed = serve.builds.dropFirst(before).firstIndex { $0.hasPrefix("Build failed") }
            return failed != nil
        }, "the broken file's build is reported: \(serve.builds.suffix(5))")
        let checkoutBuilds = Array(serve.builds[before..<(failed ?? before)])
        // One build, or two when git paused for longer than the quiet time and the first build
        // started before the rest was written: the rest waits and is built in one go after it.
        XCTAssertGreaterThanOrEqual(checkoutBuilds.count, 1)
        XCTAssertLessThanOrEqual(checkoutBuilds.count, 2, "builds of one checkout: \(checkoutBuilds)")
        print("serve: a checkout of 1,000 practices: \(checkoutBuilds.count) build(s): \(checkoutBuilds)")
    }

    // MARK: Host

    func testRequestsNamingAnotherHostAreRefused() throws {
        let site = try SiteFixture.make(["content/practices/entwurf.md": SiteFixture.practice(title: "Geheimer Entwurf", extra: "draft: true")])
        let serve = try ServeProcess(site.url, extra: ["--drafts"])
        let port = serve.port
        func status(_ host: String?, path: String = "/katalog/practices/entwurf/") throws -> LocalHTTP.Response {
            let header = host.map { "Host: \($0)\r\n" } ?? ""
            return try LocalHTTP.request(port: port, "GET \(path) HTTP/1.1\r\n\(header)Connection: close\r\n\r\n")
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            let response = try status(host)
            XCTAssertEqual(response.status, 200, host)
            XCTAssertTrue(response.text.contains("Geheimer Entwurf"), host)
        }
        // DNS rebinding: a page of another site whose name now resolves to 127.0.0.1.
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost.evil.example:\(port)",
                     "127.0.0.1:\(port + 1)", "127.0.0.1", "localhost"] {
            let response = try status(host)
            XCTAssertEqual(response.status, 403, host)
            XCTAssertEqual(response.headers["content-type"], "text/plain; charset=utf-8", host)
            XCTAssertFalse(response.text.contains("Geheimer Entwurf"), host)
            XCTAssertTrue(response.text.contains("only requests for 127.0.0.1:\(port) or localhost:\(port)"), response.text)
        }
        XCTAssertEqual(try status("evil.example:\(port)", path: "/__praxis/state").status, 403, "the state (problems) is not told either")
        XCTAssertEqual(try status("evil.example:\(port)", path: "/__praxis/events").status, 403, "nor the event stream")
        // HTTP/1.0 without Host: no browser sends that; refused as well.
        let bare = try LocalHTTP.request(port: port, "GET /katalog/practices/entwurf/ HTTP/1.0\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(bare.status, 403)
        XCTAssertFalse(bare.text.contains("Geheimer Entwurf"))
    }

    /// `--bind 0.0.0.0`, to preview on a phone: the machine's network addresses are printed and
    /// answered, a warning says who can see the preview, and the Host check still refuses every
    /// other name, on the network address as on loopback.
    func testBindingToTheNetworkWarnsAndStillRefusesOtherHosts() throws {
        let site = try SiteFixture.make(["content/practices/entwurf.md": SiteFixture.practice(title: "Geheimer Entwurf", extra: "draft: true")])
        let serve = try ServeProcess(site.url, extra: ["--drafts", "--bind", "0.0.0.0"])
        let port = serve.port
        // The addresses (standard output) and the warning (standard error) come through two pipes,
        // each read on its own: both are waited for.
        XCTAssertTrue(waitUntil(timeout: 30) {
            serve.errorOutput.contains("\n") && serve.output.contains { $0.hasPrefix("On the network: ") }
        }, "the network addresses and a warning are printed: \(serve.output) \(serve.errorOutput)")
        XCTAssertTrue(serve.errorOutput.contains("warning: --bind 0.0.0.0: the preview, drafts included, can be opened by every device"),
                      serve.errorOutput)
        // The addresses printed are those of the machine's interfaces (CI machines have one).
        let addresses = serve.output.compactMap { line -> String? in
            guard line.hasPrefix("On the network: http://") else { return nil }
            return String(line.dropFirst("On the network: http://".count).prefix { $0 != ":" })
        }.filter { !$0.hasPrefix("[") }
        XCTAssertFalse(addresses.isEmpty, "an IPv4 network address is printed: \(serve.output)")
        for address in addresses {
            XCTAssertTrue(serve.errorOutput.contains(address), "the warning names \(address)")
            func status(_ host: String) throws -> LocalHTTP.Response {
                try LocalHTTP.request(port: port, address: address,
                                      "GET /katalog/practices/entwurf/ HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            }
            let own = try status("\(address):\(port)")
            XCTAssertEqual(own.status, 200, address)
            XCTAssertTrue(own.text.contains("Geheimer Entwurf"), address)
            for host in ["evil.example:\(port)", "\(address).evil.example:\(port)", "\(address):\(port + 1)"] {
                let refused = try status(host)
                XCTAssertEqual(refused.status, 403, host)
                XCTAssertFalse(refused.text.contains("Geheimer Entwurf"), host)
                XCTAssertTrue(refused.text.contains("or for this machine on the network (\(address):\(port)"), refused.text)
            }
        }
        // Loopback is still served, under its own names only.
        XCTAssertEqual(try serve.get("/katalog/practices/entwurf/").status, 200)
    }

    func testBindRefusesWhatIsNotAnAddressOfThisMachine() throws {
        let site = try SiteFixture.make()
        let name = try PraxisCommand.run(["serve", site.url.path, "--port", "0", "--bind", "mein-laptop"])
        XCTAssertNotEqual(name.status, 0)
        XCTAssertTrue(name.errors.contains("--bind takes an IP address of this machine"), name.errors)
        // TEST-NET-2 (RFC 5737): never an address of this machine.
        let foreign = try PraxisCommand.run(["serve", site.url.path, "--port", "0", "--bind", "198.51.100.7"])
        XCTAssertEqual(foreign.status, 1)
        XCTAssertTrue(foreign.errors.contains("--bind 198.51.100.7 is not an address of this machine. Use one of 127.0.0.1"),
                      foreign.errors)
        XCTAssertFalse(foreign.output.contains("Built"), "told before the first build")
    }

    // MARK: Idle connections

    func testIdleAndHalfSentConnectionsAreClosedButTheEventStreamStaysOpen() throws {
        let site = try SiteFixture.make()
        let serve = try ServeProcess(site.url, environment: ["PRAXIS_SERVE_IDLE_TIMEOUT": "1"])
        let events = try EventListener(port: serve.port)
        XCTAssertNotNil(events.waitForEvent("hello", after: 0))

        // Slowloris: a request's head that never ends.
        let half = try LocalHTTP.connect(port: serve.port)
        defer { close(half) }
        try LocalHTTP.send("GET /katalog/ HTTP/1.1\r\nHost: 127.0.0.1:\(serve.port)\r\nX-Langsam: a", to: half)
        // A keep-alive connection left idle after its answer.
        let idle = try LocalHTTP.connect(port: serve.port)
        defer { close(idle) }
        try LocalHTTP.send("GET /__praxis/state HTTP/1.1\r\nHost: 127.0.0.1:\(serve.port)\r\n\r\n", to: idle)

        // Generous upper bounds: they only keep a failing test from hanging.
        XCTAssertTrue(LocalHTTP.waitForClose(half, timeout: 60), "the server closes a half-sent request")
        XCTAssertTrue(LocalHTTP.waitForClose(idle, timeout: 60), "the server closes an idle keep-alive connection")

        // The event stream, open for longer than the idle time by now, still delivers.
        let path = "content/practices/beispiel.md"
        try site.write([path: try site.read(path).replacingOccurrences(of: "Text.", with: "Ein neuer Text.")])
        let reload = events.waitForEvent("reload", after: 0, timeout: 120)
        XCTAssertNotNil(reload, "the open page's stream is not idle: it gets the reload")
        XCTAssertEqual(try serve.get("/katalog/").status, 200)
    }

    // MARK: Running out of descriptors

    func testRunningOutOfDescriptorsNeitherSpinsNorStopsServing() throws {
        let site = try SiteFixture.make()
        let serve = try ServeProcess(site.url, environment: ["PRAXIS_SERVE_IDLE_TIMEOUT": "5"], openFiles: 64)
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let started = Date()
        let ticksBefore = serve.processorTicks

        // Far more connections than 64 descriptors allow; the kernel queues them for accept.
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        for _ in 0..<150 { sockets.append(try LocalHTTP.connect(port: serve.port)) }
        // The event: every one of them is closed by the server, those over the limit at once,
        // the others when they have been idle for the idle time.
        for socket in sockets {
            XCTAssertTrue(LocalHTTP.waitForClose(socket, timeout: 120), "every connection is closed by the server in the end")
        }
        let elapsedTicks = Date().timeIntervalSince(started) * ticksPerSecond
        let usedTicks = Double(serve.processorTicks - ticksBefore)
        XCTAssertLessThan(usedTicks, elapsedTicks / 2,
                          "praxis used \(usedTicks) of \(elapsedTicks) ticks of processor time while the connections were open: it spins")

        // Still serving, and said so once.
        let page = try serve.get("/katalog/practices/beispiel/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Ein Beispiel"))
        let told = serve.errorOutput.components(separatedBy: "as many as the limit of open files allows").count - 1
        XCTAssertEqual(told, 1, serve.errorOutput)

        // And it still builds.
        let builds = serve.builds.count
        let path = "content/practices/beispiel.md"
        try site.write([path: try site.read(path).replacingOccurrences(of: "Text.", with: "Ein neuer Text.")])
        XCTAssertEqual(serve.waitForBuild(after: builds, timeout: 120)?.hasPrefix("Rebuilt"), true, serve.errorOutput)
        XCTAssertTrue(try serve.get("/katalog/practices/beispiel/").text.contains("Ein neuer Text."))
    }

    // MARK: Requests during a full rebuild

    func testRequestsDuringAFullRebuildAreAnsweredFromTheLastGoodSite() throws {
        let site = try SiteFixture.make()
        try writePractices(1500, into: site)
        let serve = try ServeProcess(site.url, timeout: 600)
        let old = try XCTUnwrap(try serve.state()["build"] as? Int)
        let builds = serve.builds.count

        // The site's title is on every page: every page is rendered again.
        try site.write(["content/site.yaml": SiteFixture.siteYAML.replacingOccurrences(of: "title: Testkatalog", with: "title: Neuer Katalog")])
        XCTAssertTrue(waitUntil(timeout: 300) { (try? serve.state()["building"] as? Bool) == true || serve.builds.count > builds },
                      "the build starts")
        // Requests while it runs: each is answered with the last good site; one that was sent
        // and answered while the state said "building", with the same last good build, both
        // before and after proves that the build did not hold it up until its end. (On a loaded
        // machine the watcher may see the write as two events and build twice: the second
        // build's last good site is then the first one's, with the new title.)
        var answeredDuringTheBuild = 0
        while true {
            let before = try serve.state()
            guard (before["building"] as? Bool) == true, let good = before["build"] as? Int else { break }
            let page = try serve.get("/katalog/practices/praxis-0750/")
            let after = try serve.state()
            XCTAssertEqual(page.status, 200)
            if (after["building"] as? Bool) == true, after["build"] as? Int == good {
                XCTAssertTrue(page.text.contains("data-build=\"\(good)\""), "the last good site")
                XCTAssertTrue(page.text.contains(good == old ? "Testkatalog" : "Neuer Katalog"), "the last good site's title")
                answeredDuringTheBuild += 1
            }
        }
        XCTAssertGreaterThan(answeredDuringTheBuild, 0, "no request was answered while the full rebuild ran")
        XCTAssertEqual(serve.waitForBuild(after: builds, timeout: 300)?.hasPrefix("Rebuilt"), true)
        let page = try serve.get("/katalog/practices/praxis-0750/")
        XCTAssertTrue(page.text.contains("Neuer Katalog"), "the new site is swapped in when the build is complete")
        print("serve: \(answeredDuringTheBuild) requests answered during a full rebuild of 1,500 practices")
    }

    // MARK: Helpers

    /// `count` practices praxis-0000 ... with a few words each.
    private func writePractices(_ count: Int, into site: TemporaryFolder) throws {
        var files: [String: String] = [:]
        for index in 0..<count {
            let id = String(format: "praxis-%04d", index)
            files["content/practices/\(id).md"] = SiteFixture.practice(title: "Praxis \(index)", body: "Ein Text über Praxis \(index).\n")
        }
        try site.write(files)
    }

    private func git(_ folder: URL, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Praxis", "-c", "user.email=praxis@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " "))")
    }

    /// Checks `condition` until it holds; false if it still does not after `timeout` seconds,
    /// the upper bound that keeps a failing test from hanging.
    private func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}
