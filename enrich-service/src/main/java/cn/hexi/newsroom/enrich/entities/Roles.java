package cn.hexi.newsroom.enrich.entities;

import cn.hexi.newsroom.enrich.tags.Resources;
import java.util.List;
import java.util.Set;

/** Data shared by the entity finders: job titles that introduce people, organisation suffixes, common surnames. */
final class Roles {

    static final List<String> TITLES = Resources.lines("/enrich/person-titles.txt");
    static final List<String> ORGANISATION_SUFFIXES = Resources.lines("/enrich/organisation-suffixes.txt");
    static final Set<String> SURNAMES = Set.copyOf(Resources.lines("/enrich/surnames.txt"));
    static final Set<String> NAME_STOP_CHARACTERS = Set.copyOf(Resources.lines("/enrich/name-stop-characters.txt"));
    static final List<String> FALSE_ORGANISATION_ENDINGS = Resources.lines("/enrich/organisation-false-endings.txt");
    static final Set<String> GENERIC_ORGANISATIONS = Set.copyOf(Resources.lines("/enrich/organisation-generic.txt"));
    static final List<String> KNOWN_ORGANISATIONS = Resources.lines("/enrich/known-organisations.txt");
    /** Words after a name that show it is a person speaking or acting ({@code 兰荣珊发言}). */
    static final List<String> SPEECH = List.of("说", "表示", "介绍", "发言", "告诉", "称", "指出", "强调", "谈到", "坦言", "讲", "等");

    private Roles() {
    }
}
