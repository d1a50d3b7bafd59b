package cn.hexi.newsroom.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.Place;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.standard();

    @Test
    void searchPutsExactNamesFirstAndTheHomeDistrictBeforeOthers() {
        List<Division> found = gazetteer.search("东海", "120103", 10);

        assertThat(found).isNotEmpty();
        assertThat(found.get(0).displayName()).isEqualTo("东海街道");
        assertThat(found.get(0).code()).startsWith("120103");
        assertThat(gazetteer.search("  ", "120103", 10)).isEmpty();
        assertThat(gazetteer.search("河西区", "120103", 3)).first().extracting(Division::code).isEqualTo("120103");
    }

    @Test
    void aDivisionBecomesAPlaceWithItsParentsAndPoint() {
        Division street = gazetteer.search("东海街道", "120103", 1).get(0);

        Place place = gazetteer.asPlace(street, street.displayName(), 1.0, List.of());

        assertThat(place.type()).isEqualTo("street");
        assertThat(place.parentCodes()).containsExactly("120103", "120000");
        assertThat(place.coordinates()).isNotNull();
        assertThat(place.mentions()).isEmpty();
    }

    @Test
    void municipalitiesAreCitiesAndCommunitiesLoseTheirCommitteeSuffix() {
        assertThat(gazetteer.byCode("120000").placeType()).isEqualTo("city");
        assertThat(gazetteer.divisions()).filteredOn(d -> d.level() == DivisionLevel.COMMUNITY).isNotEmpty()
                .allSatisfy(d -> assertThat(d.displayName()).doesNotEndWith("居委会"));
    }
}
