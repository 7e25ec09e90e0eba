import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG parsed with XMLParser into its elements, each with its attributes, text and the chart
/// and series it sits in, so that tests read a figure back as a viewer would see it.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        /// `data-title` of the enclosing chart, if any.
        var chart: String?
        /// `data-name` of the enclosing series or legend entry, if any.
        var series: String?
        var inLegend = false
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []

    static func parse(_ svg: String) throws -> SVGDocument {
        let document = SVGDocument()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = document
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return document
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let parent = stack.last.map { elements[$0] }
        var element = Element(name: name, attributes: attributes, chart: parent?.chart, series: parent?.series, inLegend: parent?.inLegend ?? false)
        if attributes["class"] == "chart" { element.chart = attributes["data-title"] }
        if ["series", "legend-entry"].contains(attributes["class"]) { element.series = attributes["data-name"] }
        if attributes["class"] == "legend" { element.inLegend = true }
        elements.append(element)
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }

    /// Elements with `class`, optionally within one chart.
    func elements(class name: String, chart: String? = nil) -> [Element] {
        elements.filter { $0.attributes["class"] == name && (chart == nil || $0.chart == chart) }
    }

    /// The polyline of a series in a chart, as pixel points.
    func polyline(series: String, chart: String) -> [(x: Double, y: Double)] {
        guard let line = elements.first(where: { $0.name == "polyline" && $0.series == series && $0.chart == chart && !$0.inLegend }) else { return [] }
        return (line.attributes["points"] ?? "").split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0) ?? .nan }
            return (x: xy[0], y: xy[1])
        }
    }

    /// A chart's y (or x) ticks: value → pixel.
    func ticks(_ axis: String, chart: String) -> [Double: Double] {
        var result: [Double: Double] = [:]
        for tick in elements(class: "\(axis)-tick", chart: chart) {
            guard let value = tick.attributes["data-value"].flatMap(Double.init), let pixel = tick.attributes[axis == "y" ? "y" : "x"].flatMap(Double.init)
            else { continue }
            result[value] = axis == "y" ? pixel - 4 : pixel  // y labels sit 4 px below their grid line
        }
        return result
    }

    /// The number an attribute holds.
    static func number(_ element: Element, _ attribute: String) -> Double { element.attributes[attribute].flatMap(Double.init) ?? .nan }
}
