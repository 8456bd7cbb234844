import Foundation
import Hummingbird
import PraxisCore

/// Answers every request: the site under its base path (the path of base_url) the way a static
/// host does — `x/` is `x/index.html`, `x` without the slash is redirected, anything missing
/// gets 404.html with status 404 — plus the reserved paths of live reload below `/__praxis/`.
/// HTML gets the live script added on the way out; the site's files stay as built.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let served: ServedState
    let events: LiveEvents
    let hosts: HostCheck

    func respond(to request: Request, context: Context) async throws -> Response {
        // HTTP/1.1's Host header is the request's authority here.
        guard hosts.allows(request.head.authority) else {
            return file(Data(hosts.refusal.utf8), type: "text/plain; charset=utf-8", status: .forbidden)
        }
        let response = await answer(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        let path = rawPath.removingPercentEncoding ?? rawPath
        let current = served.now
        switch path {
        case "/__praxis/events":
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .connection: "keep-alive"],
                            body: ResponseBody(asyncSequence: events.subscribe(hello: LiveState(current))))
        case LiveScript.path:
            return file(Data(LiveScript.source.utf8), type: "text/javascript; charset=utf-8")
        case "/__praxis/state":
            return file(Data(LiveState(current).json.utf8), type: "application/json")
        default:
            break
        }
        guard let site = current.site else { return failedFirstBuild(current) }
        let base = site.basePath
        guard path.hasPrefix(base) else {
            // The host's root or the base path without its slash lead to the site.
            if base.hasPrefix(path) { return redirect(to: base) }
            return notFound(site)
        }
        var relative = String(path.dropFirst(base.count))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        do {
            if let response = try await found(relative, in: site) { return response }
            if try await site.hasFile(at: relative + "/index.html") {
                return redirect(to: rawPath + "/" + (request.uri.query.map { "?" + $0 } ?? ""))
            }
        } catch {
            // The files beside the pages could not be made (a problem the build reports too).
            return file(Data("\(error)\n".utf8), type: "text/plain; charset=utf-8", status: .internalServerError)
        }
        return notFound(site)
    }

    private func found(_ relative: String, in site: ServedSite) async throws -> Response? {
        let type = ContentType.of(relative)
        switch try await site.file(at: relative) {
        case .data(let data):
            return file(type.hasPrefix("text/html") ? LiveScript.inject(into: data, build: site.build) : data, type: type)
        case .copy(let source):
            return (try? SafeRead.read(source, path: relative)).map { file($0, type: type) }
        case nil:
            return nil
        }
    }

    private func notFound(_ site: ServedSite) -> Response {
        guard let page = site.notFoundPage else {
            return file(Data("Not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
        }
        return file(LiveScript.inject(into: page, build: site.build), type: "text/html; charset=utf-8", status: .notFound)
    }

    /// Before the first good build there is no site: a page that shows the problems and
    /// reloads when they are fixed.
    private func failedFirstBuild(_ current: ServedState.Current) -> Response {
        let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed – praxis serve</title></head>
        <body><main><h1>The site could not be built</h1>
        <p>\(current.problems.count) problem\(current.problems.count == 1 ? "" : "s"); this page reloads by itself when they are fixed.</p></main>
        </body></html>

        """
        return file(LiveScript.inject(into: Data(html.utf8), build: 0), type: "text/html; charset=utf-8", status: .serviceUnavailable)
    }

    private func file(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: type, .contentLength: String(data.count), .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 302, not 301: a browser keeps a permanent redirect, and the base path may change.
    private func redirect(to location: String) -> Response {
        Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
    }
}
