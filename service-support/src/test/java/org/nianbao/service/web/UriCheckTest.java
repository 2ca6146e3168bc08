package org.nianbao.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriCheckTest {

    @Test
    void wellFormedUrisPass() {
        assertThat(UriCheck.problem("/api/v1/agencies/edu-640323/reports/2020")).isNull();
        assertThat(UriCheck.problem("/api/v1/agencies?region=640000&sector=EDUCATION&page=0")).isNull();
        assertThat(UriCheck.problem("/api/v1/agencies?name=%E7%9B%90%E6%B1%A0")).isNull(); // 盐池, encoded
        assertThat(UriCheck.problem("/api/v1/agencies?name=盐池")).isNull(); // sent raw, as some clients do
        assertThat(UriCheck.problem("/api/v1/reports%3Aimport")).isNull();
    }

    @Test
    void brokenEscapesAndRawReservedCharactersAreNamed() {
        assertThat(UriCheck.problem("/api/v1/agencies/edu-%zz")).contains("malformed at character 22");
        assertThat(UriCheck.problem("/api/v1/agencies?region=%E6%9")).contains("malformed");
        assertThat(UriCheck.problem("/api/v1/agencies?region={x}")).contains("malformed");
        assertThat(UriCheck.problem("/api/v1/agencies|x")).contains("malformed");
    }

    @Test
    void escapesThatDoNotSpellUtf8AreRefused() {
        assertThat(UriCheck.problem("/api/v1/agencies?name=%FF%FE")).contains("do not spell UTF-8");
        assertThat(UriCheck.problem("/api/v1/agencies?name=%E7%9B")).contains("do not spell UTF-8"); // cut short
        assertThat(UriCheck.problem("/api/v1/agencies?name=%ED%A0%80")).contains("do not spell UTF-8"); // a surrogate
    }
}
