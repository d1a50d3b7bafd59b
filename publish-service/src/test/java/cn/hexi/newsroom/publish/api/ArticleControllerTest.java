package cn.hexi.newsroom.publish.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.testing.WithAccessPolicy;
import cn.hexi.newsroom.publish.PublishTestSupport;
import cn.hexi.newsroom.publish.api.ArticleReader.ArticleView;
import cn.hexi.newsroom.publish.decision.Withdrawal;
import cn.hexi.newsroom.publish.live.LiveArticles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The read API's web layer alone: ETags, problems for what cannot be answered, and the ninjs status of a withdrawn article. */
@WebMvcTest(ArticleController.class)
@WithAccessPolicy
class ArticleControllerTest {

    private static final String ID = "0123456789abcdef-001";

    @TestConfiguration
    static class Home {
        @Bean
        PaperHome paperHome() {
            return PaperHome.STANDARD;
        }
    }

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    ArticleReader reader;
    @MockitoBean
    LiveArticles live;

    @Test
    void anArticleCarriesItsVersionAsItsETagAndAMissingOneIsANotFoundProblem() {
        when(reader.article(ID)).thenReturn(Optional.of(view(null)));

        assertThat(mvc.get().uri("/api/articles/" + ID).exchange()).hasStatusOk().headers().hasValue("ETag", "\"7\"");
        assertThat(mvc.get().uri("/api/articles/nothing").exchange()).hasStatus(404).bodyJson().extractingPath("$.title")
                .isEqualTo("Article not found");
    }

    @Test
    void aCursorTheApiDidNotIssueIsABadRequestProblemAndALimitOutOfRangeNeverReachesTheReader() {
        when(reader.search(any(), eq("forged"), anyInt())).thenThrow(new IllegalArgumentException("not a cursor this API issued: forged"));

        assertThat(mvc.get().uri("/api/articles?cursor=forged").exchange()).hasStatus(400).bodyJson().extractingPath("$.title")
                .isEqualTo("Invalid cursor");
        assertThat(mvc.get().uri("/api/issues?size=0").exchange()).hasStatus(400);
        verifyNoInteractions(live);
    }

    @Test
    void aWithdrawnArticleIsNotUsableInNinjs() {
        when(reader.article(ID)).thenReturn(Optional.of(view(new Withdrawal("万彤", Instant.now(), "重复"))));

        assertThat(mvc.get().uri("/api/articles/" + ID + "/ninjs").exchange()).hasStatusOk().bodyJson().extractingPath("$.pubStatus")
                .isEqualTo("canceled");
    }

    private static ArticleView view(Withdrawal withdrawal) {
        EnrichedArticle article = PublishTestSupport.article("0123456789abcdef", "燃气安全进社区", "燃气安全");
        return new ArticleView(ID, 7, Instant.now(), "/api/articles/" + ID, article.article(), article.enrichment(),
                withdrawal == null ? "usable" : "withdrawn", withdrawal == null ? ArticleChange.PUBLISHED : ArticleChange.WITHDRAWN, List.of(),
                withdrawal);
    }
}
