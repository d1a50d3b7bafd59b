package cn.hexi.newsroom.publish.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.testing.WithAccessPolicy;
import cn.hexi.newsroom.publish.PublishTestSupport;
import cn.hexi.newsroom.publish.api.ArticleReader;
import cn.hexi.newsroom.publish.api.ArticleReader.ArticleView;
import cn.hexi.newsroom.publish.decision.Corrector.EditRefusedException;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.Editorial;
import cn.hexi.newsroom.publish.decision.InvalidCorrectionException;
import cn.hexi.newsroom.publish.decision.Revision;
import cn.hexi.newsroom.publish.decision.StoredArticle;
import cn.hexi.newsroom.publish.decision.StoredState;
import cn.hexi.newsroom.publish.editing.ArticleEditing.VersionConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The editing API's web layer alone, behind the project's real access policy: what a request becomes for the editing
 * service (the patch, the editor, the version in If-Match) and what each outcome answers.
 */
@WebMvcTest(EditingController.class)
@WithAccessPolicy
@TestPropertySource(properties = "newsroom.access.api-key=" + PublishTestSupport.API_KEY)
class EditingControllerTest {

    private static final String ID = "0123456789abcdef-001";

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    ArticleEditing editing;
    @MockitoBean
    ArticleReader reader;
    @MockitoBean
    GazetteerPlaces places;

    @Test
    void aPatchReachesTheEditingServiceWithTheEditorsNameAndTheVersionAskedForAndAnswersTheNewVersionAsItsETag() {
        Decision corrected = decision(42);
        when(editing.correct(eq(ID), anyMap(), eq("万彤"), eq(41L))).thenReturn(Optional.of(corrected));
        when(reader.article(ID)).thenReturn(Optional.of(view(42)));

        MvcTestResult result = patch("{\"headline\": \"新标题\"}", "\"41\"", "%E4%B8%87%E5%BD%A4");

        assertThat(result).hasStatusOk().headers().hasValue("ETag", "\"42\"");
        assertThat(result).bodyJson().extractingPath("$.version").isEqualTo(42);
    }

    @Test
    void withoutTheKeyNothingReachesTheEditingService() {
        MvcTestResult result = mvc.patch().uri("/api/articles/" + ID).contentType(EditingController.MERGE_PATCH).content("{}").exchange();

        assertThat(result).hasStatus(401);
        verifyNoInteractions(editing);
    }

    @Test
    void eachOutcomeIsAProblemWithItsStatus() {
        when(editing.correct(eq(ID), anyMap(), any(), isNull())).thenThrow(new InvalidCorrectionException("tags", "tags must be a list"));
        assertThat(patch("{\"tags\": 1}", null, null)).hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("tags");

        when(editing.correct(eq(ID), anyMap(), any(), eq(1L))).thenThrow(new VersionConflictException("at 42", 42, true));
        assertThat(patch("{}", "\"1\"", null)).hasStatus(412).headers().hasValue("ETag", "\"42\"");

        when(editing.withdraw(eq(ID), any(), any(), isNull())).thenThrow(new EditRefusedException("withdrawn already"));
        assertThat(mvc.post().uri("/api/articles/" + ID + "/withdraw").header("X-API-Key", PublishTestSupport.API_KEY).exchange())
                .hasStatus(409);

        assertThat(patch("{}", "not-a-version", null)).hasStatus(412);
        when(editing.correct(eq("missing"), anyMap(), any(), isNull())).thenReturn(Optional.empty());
        assertThat(mvc.patch().uri("/api/articles/missing").header("X-API-Key", PublishTestSupport.API_KEY).contentType(EditingController.MERGE_PATCH)
                .content("{}").exchange()).hasStatus(404);
        assertThat(mvc.patch().uri("/api/articles/" + ID).header("X-API-Key", PublishTestSupport.API_KEY)
                .contentType(MediaType.TEXT_PLAIN).content("x").exchange()).as("only a merge patch").hasStatus(415);
    }

    @Test
    void aWithdrawalWithoutANameIsTheKeysHoldersWithItsReasonTrimmed() {
        when(editing.withdraw(ID, "admin", "重复", null)).thenReturn(Optional.of(decision(43)));
        when(reader.article(ID)).thenReturn(Optional.of(view(43)));

        MvcTestResult result = mvc.post().uri("/api/articles/" + ID + "/withdraw").header("X-API-Key", PublishTestSupport.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" 重复 \"}").exchange();

        assertThat(result).hasStatusOk();
        verify(editing).withdraw(ID, "admin", "重复", null);
    }

    private MvcTestResult patch(String body, String ifMatch, String editor) {
        var request = mvc.patch().uri("/api/articles/" + ID).header("X-API-Key", PublishTestSupport.API_KEY).contentType(EditingController.MERGE_PATCH)
                .content(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (editor != null) {
            request = request.header("X-Editor", editor);
        }
        return request.exchange();
    }

    private static Decision decision(long version) {
        EnrichedArticle article = PublishTestSupport.article("0123456789abcdef", "新标题", "燃气安全");
        Revision revision = new Revision(ArticleChange.CORRECTED, "万彤", List.of(), List.of());
        StoredState state = new StoredState(version, "hash", version, Instant.now(), 1, revision, Editorial.NONE);
        return Decision.notifyStored(new StoredArticle(article, article, state));
    }

    private static ArticleView view(long version) {
        EnrichedArticle article = PublishTestSupport.article("0123456789abcdef", "新标题", "燃气安全");
        return new ArticleView(ID, version, Instant.now(), "/api/articles/" + ID, article.article(), article.enrichment(), "usable",
                ArticleChange.CORRECTED, List.of(), null);
    }
}
