package cn.hexi.newsroom.stack;

import de.bwaldvogel.mongo.MongoVersion;
import java.util.List;

/**
 * The version the embedded store reports in its handshake: MongoDB 5.0 with 5.0's wire version, 13. mongo-java-server's
 * own {@code MONGO_5_0} reports wire version 8 (MongoDB 4.2), below the floor of pymongo 4 (9), mongosh and Compass.
 */
public enum WireVersion implements MongoVersion {
    MONGO_5_0(List.of(5, 0, 0), 13);

    private final List<Integer> versionArray;
    private final int wireVersion;

    WireVersion(List<Integer> versionArray, int wireVersion) {
        this.versionArray = versionArray;
        this.wireVersion = wireVersion;
    }

    @Override
    public List<Integer> getVersionArray() {
        return versionArray;
    }

    @Override
    public int getWireVersion() {
        return wireVersion;
    }
}
