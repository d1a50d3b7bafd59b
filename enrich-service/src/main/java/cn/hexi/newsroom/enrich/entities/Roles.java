package cn.hexi.newsroom.enrich.entities;

import cn.hexi.newsroom.enrich.tags.Resources;
import cn.hexi.newsroom.enrich.text.Affixes;
import java.util.List;
import java.util.Set;

/** Data shared by the entity finders: job titles that introduce people, organisation suffixes, common surnames. */
final class Roles {

    static final Affixes TITLES = Affixes.of(Resources.lines("/enrich/person-titles.txt"));
    static final Affixes ORGANISATION_SUFFIXES = Affixes.of(Resources.lines("/enrich/organisation-suffixes.txt"));
    static final Set<String> SURNAMES = Set.copyOf(Resources.lines("/enrich/surnames.txt"));
    static final Set<String> NAME_STOP_CHARACTERS = Set.copyOf(Resources.lines("/enrich/name-stop-characters.txt"));
    static final Affixes FALSE_ORGANISATION_ENDINGS = Affixes.of(Resources.lines("/enrich/organisation-false-endings.txt"));
    static final Set<String> GENERIC_ORGANISATIONS = Set.copyOf(Resources.lines("/enrich/organisation-generic.txt"));
    static final List<String> KNOWN_ORGANISATIONS = Resources.lines("/enrich/known-organisations.txt");
    /** Words after a name that show it is a person speaking or acting ({@code 兰荣珊发言}). */
    static final Affixes SPEECH = Affixes.of(List.of("说", "表示", "介绍", "发言", "告诉", "称", "指出", "强调", "谈到", "坦言", "讲", "等"));

    private Roles() {
    }
}
