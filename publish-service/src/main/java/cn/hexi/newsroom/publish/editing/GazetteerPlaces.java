package cn.hexi.newsroom.publish.editing;

import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.gazetteer.Division;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.publish.decision.CorrectionPatch;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The gazetteer enrich resolves places against, for editors: a search to pick from, and a code made a place. */
@Component
public class GazetteerPlaces implements CorrectionPatch.PlaceLookup {

    /** One division an editor may pick: {@code parent} is the name of the division it lies in, to tell namesakes apart. */
    public record PlaceChoice(String code, String name, String type, String parent) {
    }

    private final Gazetteer gazetteer = Gazetteer.standard();
    private final String home;

    public GazetteerPlaces(PaperHome home) {
        this.home = home.districtCode();
    }

    public List<PlaceChoice> search(String query, int limit) {
        return gazetteer.search(query, home, limit).stream().map(this::choice).toList();
    }

    @Override
    public Optional<Place> byCode(String code) {
        return Optional.ofNullable(gazetteer.byCode(code)).filter(d -> !d.shortName().isBlank())
                .map(d -> gazetteer.asPlace(d, d.displayName(), 1.0, List.of()));
    }

    private PlaceChoice choice(Division division) {
        List<String> parents = gazetteer.parentCodes(division);
        String parent = parents.isEmpty() ? null : gazetteer.byCode(parents.get(0)).displayName();
        return new PlaceChoice(division.code(), division.displayName(), division.placeType(), parent);
    }
}
