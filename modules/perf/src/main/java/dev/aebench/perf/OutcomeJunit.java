package dev.aebench.perf;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * A gate's outcome as JUnit XML, the report format CI systems display per test: one
 * {@code <testsuite>} named {@code aebench.perf.<command>}, one {@code <testcase>} per family
 * (class name {@code aebench.perf.<command>.<mode>}), passing or carrying a {@code <failure>}
 * whose message is the family's failure line (the measured slowdown and p-value, or the changed
 * loss) and whose body lists the numbers. The suite's properties carry the machine, its CPU class
 * and the reference.
 */
public final class OutcomeJunit {
    private OutcomeJunit() {
    }

    public static String toXml(GateOutcome o) {
        StringWriter s = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(s);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            String suite = "aebench.perf." + o.command();
            long failures = o.families().stream().filter(FamilyOutcome::failed).count();
            w.writeStartElement("testsuite");
            w.writeAttribute("name", suite);
            w.writeAttribute("tests", Integer.toString(o.families().size()));
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", "0");
            w.writeAttribute("timestamp", o.date());
            w.writeCharacters("\n  ");
            w.writeStartElement("properties");
            property(w, "mode", o.mode());
            property(w, "commit", o.commit());
            property(w, "machine", o.machine());
            property(w, "cpu_class", o.cpuClass());
            property(w, "jdk", o.jdk());
            property(w, "kernels", o.kernels());
            property(w, "reference", o.reference());
            property(w, "threshold", Double.toString(o.threshold()));
            property(w, "alpha", Double.toString(o.alpha()));
            w.writeCharacters("\n  ");
            w.writeEndElement();
            for (FamilyOutcome f : o.families()) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", suite + "." + o.mode());
                w.writeAttribute("name", f.family());
                w.writeAttribute("time", "0");
                if (f.failed()) {
                    w.writeCharacters("\n    ");
                    w.writeStartElement("failure");
                    w.writeAttribute("message", f.failure());
                    w.writeAttribute("type", f.speed() == SpeedVerdict.SLOWER ? "slower" : "quality");
                    w.writeCharacters(details(f));
                    w.writeEndElement();
                    w.writeCharacters("\n  ");
                } else {
                    w.writeCharacters(details(f));
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return s.toString();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", value == null ? "" : value);
    }

    static String details(FamilyOutcome f) {
        return String.format(Locale.ROOT, "ratio %.4f (reference %.4f, change %+.1f%%, %s), p(slower) %s, speed %s; final loss %.9g "
                        + "(reference %.9g), quality %s",
                f.nowRatio(), f.baseRatio(), 100 * f.change(), OutcomeMarkdown.interval(f.interval()),
                Double.isNaN(f.pSlower()) ? "-" : String.format(Locale.ROOT, "%.2g", f.pSlower()), f.speed().label(), f.nowLoss(),
                f.baseLoss(), f.quality().label());
    }
}
