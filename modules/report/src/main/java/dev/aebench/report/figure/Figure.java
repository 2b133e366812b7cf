package dev.aebench.report.figure;

/**
 * One rendered figure: a file name stem, its title and caption, its size in CSS pixels, the SVG
 * element (for inline HTML and, with an XML declaration, the .svg file) and a PNG at twice the
 * size (for slides).
 */
public record Figure(String name, String title, String caption, int width, int height, String svg, byte[] png) {
    public Figure {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** The standalone SVG file's text. */
    public String svgDocument() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n";
    }
}
