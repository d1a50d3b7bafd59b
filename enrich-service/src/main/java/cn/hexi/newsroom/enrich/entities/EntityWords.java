package cn.hexi.newsroom.enrich.entities;

import cn.hexi.newsroom.enrich.text.Affixes;
import cn.hexi.newsroom.enrich.text.DataFiles;
import java.util.List;
import java.util.Set;

/**
 * The word lists the entity finders share: titles that introduce people, common surnames, characters no name holds, words
 * of speech after a name; organisation suffixes, false endings, generic and known organisations.
 */
final class EntityWords {

    static final Affixes TITLES = Affixes.of(DataFiles.lines("/enrich/person-titles.txt"));
    static final Affixes ORGANISATION_SUFFIXES = Affixes.of(DataFiles.lines("/enrich/organisation-suffixes.txt"));
    static final Set<String> SURNAMES = Set.copyOf(DataFiles.lines("/enrich/surnames.txt"));
    static final Set<String> NAME_STOP_CHARACTERS = Set.copyOf(DataFiles.lines("/enrich/name-stop-characters.txt"));
    static final Affixes FALSE_ORGANISATION_ENDINGS = Affixes.of(DataFiles.lines("/enrich/organisation-false-endings.txt"));
    static final Set<String> GENERIC_ORGANISATIONS = Set.copyOf(DataFiles.lines("/enrich/organisation-generic.txt"));
    static final List<String> KNOWN_ORGANISATIONS = DataFiles.lines("/enrich/known-organisations.txt");
    /** Words after a name that show it is a person speaking or acting ({@code 兰荣珊发言}). */
    static final Affixes SPEECH = Affixes.of(List.of("说", "表示", "介绍", "发言", "告诉", "称", "指出", "强调", "谈到", "坦言", "讲", "等"));

    private EntityWords() {
    }
}
