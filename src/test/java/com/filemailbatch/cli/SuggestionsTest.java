package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> COMMANDS = List.of("run", "cleanup", "history", "show", "serve", "dashboard",
            "worker", "help");

    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwapsAsOneEditEach() {
        assertThat(Suggestions.distance("run", "run")).isZero();
        assertThat(Suggestions.distance("rnu", "run")).isEqualTo(1);
        assertThat(Suggestions.distance("dashbord", "dashboard")).isEqualTo(1);
        assertThat(Suggestions.distance("histroy", "history")).isEqualTo(1);
        assertThat(Suggestions.distance("serv", "serve")).isEqualTo(1);
        assertThat(Suggestions.distance("shwo", "show")).isEqualTo(1);
        assertThat(Suggestions.distance("clenaup", "cleanup")).isEqualTo(1);
        assertThat(Suggestions.distance("", "run")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "xyz")).isEqualTo(3);
    }

    @Test
    void namesOneOrTwoEditsAwayComeFirstClosestFirst() {
        assertThat(Suggestions.forTypo("rnu", COMMANDS, List.of("cleanup"))).containsExactly("run");
        assertThat(Suggestions.forTypo("dashbord", COMMANDS, List.of("dashboard", "show", "worker")))
                .containsExactly("dashboard");
        assertThat(Suggestions.forTypo("serv", COMMANDS, List.of())).containsExactly("serve");
        assertThat(Suggestions.forTypo("shw", COMMANDS, List.of())).containsExactly("show");
        assertThat(Suggestions.forTypo("HISTROY", COMMANDS, List.of())).containsExactly("history");
    }

    @Test
    void shortNamesAllowOneEditLongerOnesTwo() {
        assertThat(Suggestions.forTypo("rxx", COMMANDS, List.of("picocli's"))).containsExactly("picocli's");
        assertThat(Suggestions.forTypo("hsitroy", COMMANDS, List.of())).containsExactly("history");
    }

    @Test
    void optionsAreComparedByTheirNameWithoutDashesOrValue() {
        List<String> options = List.of("--input", "--job", "--dry-run", "-h", "--help", "-V", "--version");

        assertThat(Suggestions.forTypo("--inptu=x.csv", options, List.of())).containsExactly("--input");
        assertThat(Suggestions.forTypo("--dryrun", options, List.of())).containsExactly("--dry-run");
        assertThat(Suggestions.forTypo("--versoin", options, List.of())).containsExactly("--version");
    }

    @Test
    void shortOptionsAreNotGuessedFromOneLetter() {
        assertThat(Suggestions.forTypo("-x", List.of("-h", "-V", "--help"), List.of())).isEmpty();
    }

    @Test
    void aHugeArgumentIsNotComparedLetterByLetter() {
        String huge = "r".repeat(5_000_000);

        assertThat(Suggestions.forTypo(huge, COMMANDS, List.of())).isEmpty();
        assertThat(Suggestions.forTypo("--" + huge + "=x", List.of("--input"), List.of())).isEmpty();
    }

    @Test
    void withNothingCloseTheSuggestionsPicocliMadeStand() {
        assertThat(Suggestions.forTypo("frobnicate", COMMANDS, List.of("from picocli")))
                .containsExactly("from picocli");
        assertThat(Suggestions.forTypo("", COMMANDS, List.of())).isEmpty();
    }
}
