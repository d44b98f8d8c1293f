package io.tributary.formats.xml;

/** The character classes of XML 1.0 (fifth edition) that the options and the writer check against. */
final class XmlNames {
    private XmlNames() {
    }

    /** A name without a colon ({@code NCName} of Namespaces in XML). */
    static boolean isNcName(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == ':' || !(i == 0 ? isNameStart(c) : isNameChar(c))) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /** An NCName, or two NCNames joined by one colon ({@code prefix:local}). */
    static boolean isQName(String s) {
        int colon = s.indexOf(':');
        if (colon < 0) return isNcName(s);
        return isNcName(s.substring(0, colon)) && isNcName(s.substring(colon + 1));
    }

    /** Whether the code point may appear in an XML 1.0 document at all. */
    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isNameStart(int c) {
        return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6)
                || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D)
                || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F)
                || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF)
                || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
                || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }
}
