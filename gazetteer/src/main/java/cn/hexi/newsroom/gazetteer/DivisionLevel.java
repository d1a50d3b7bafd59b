package cn.hexi.newsroom.gazetteer;

import java.util.Arrays;

/** The administrative levels of the gazetteer's divisions, by their names in its files. */
public enum DivisionLevel {
    PROVINCE("province"),
    CITY("city"),
    /** A county of the national lists. */
    COUNTY("county"),
    /** One of Tianjin's districts. */
    DISTRICT("district"),
    STREET("street"),
    COMMUNITY("community");

    private final String fileName;

    DivisionLevel(String fileName) {
        this.fileName = fileName;
    }

    static DivisionLevel of(String name) {
        return Arrays.stream(values()).filter(l -> l.fileName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("not a division level of the gazetteer: " + name));
    }

    /** The name in the gazetteer's files, which for the levels the contracts share is their place type too. */
    public String fileName() {
        return fileName;
    }
}
