package org.nianbao.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void ifNoneMatchComparesWeaklyReadsListsAndStar() {
        assertThat(EntityTags.noneMatchHits("\"v1\"", "\"v1\"")).isTrue();
        assertThat(EntityTags.noneMatchHits("W/\"v1\"", "\"v1\"")).as("weak comparison").isTrue();
        assertThat(EntityTags.noneMatchHits("\"v1\"", "W/\"v1\"")).isTrue();
        assertThat(EntityTags.noneMatchHits("\"v0\" , W/\"v1\"", "\"v1\"")).as("a list").isTrue();
        assertThat(EntityTags.noneMatchHits("*", "\"v7\"")).isTrue();
        assertThat(EntityTags.noneMatchHits("\"v2\"", "\"v1\"")).isFalse();
        assertThat(EntityTags.noneMatchHits("\"v1", "\"v1\"")).as("a broken tag").isFalse();
        assertThat(EntityTags.noneMatchHits(null, "\"v1\"")).isFalse();
    }

    @Test
    void aNotModifiedAnswerHasTheTagAndNoBody() {
        var answer = EntityTags.answer("W/\"r3\"", "\"r3\"", "body", "no-cache", null);
        assertThat(answer.getStatus()).isEqualTo(304);
        assertThat(answer.hasEntity()).isFalse();
        assertThat(answer.getHeaderString("ETag")).isEqualTo("\"r3\"");
        assertThat(EntityTags.answer("\"r2\"", "\"r3\"", "body", "no-cache", null).getStatus()).isEqualTo(200);
    }
}
