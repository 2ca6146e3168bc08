package org.nianbao.importer.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk importer over a folder, against the import endpoint's stand-in ({@link StandInReportService}). */
class ImportCommandTest {

    @TempDir
    Path folder;

    private StandInReportService service;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void startService() throws IOException {
        service = new StandInReportService();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private int run(String... args) {
        return run(false, args);
    }

    private int run(boolean terminal, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        ImportCommand command = new ImportCommand(HttpClient.newHttpClient(), terminal);
        return ImportCommand.commandLine(command, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path file(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyReportFileOfTheFolderTree_goesWithItsMediaType_andTheSummarySaysWhereAgencyAndYearCameFrom() throws IOException {
        file("a/000.txt", "延安市教育局2019年度政府信息公开工作报告 TABLES");
        file("a/001.html", "<html><body><h1>延安市教育局2020年政府信息公开工作年度报告</h1><table></table></body></html>");
        file("b/002.htm", "<p>延安市教育局2021年政府信息公开工作年度报告</p>");
        file("b/c/003.md", "# 延安市教育局2022年政府信息公开工作年度报告");
        file("notes.png", "not a report");
        file(".hidden/004.txt", "延安市教育局2023年政府信息公开工作年度报告");
        Path pdf = Files.copy(Path.of("../importer/src/test/resources/corpus/hongze-qzf-2024.pdf"), folder.resolve("b/hongze.pdf"));
        for (String office : new String[] {"d/x.docx", "d/x.doc", "d/x.xlsx", "d/x.xls"}) {
            file(office, "");
        }

        int exit = run("--url", service.url(), "--token", "s3cret", folder.toString());

        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(service.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cret"));
        assertThat(service.requests).extracting(StandInReportService.Seen::contentType).contains(
                "text/plain", "text/html", "application/pdf", "application/msword", "application/vnd.ms-excel",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(service.requests).noneSatisfy(r -> assertThat(r.text()).contains("2023"));
        assertThat(service.requests.stream().filter(r -> r.contentType().equals("application/pdf")))
                .singleElement().satisfies(r -> assertThat(r.body()).isEqualTo(Files.readAllBytes(pdf)));
        String summary = out.toString();
        assertThat(summary).startsWith("Imported 5 of 9 file(s): 5 imported, 0 imported with warnings, 0 skipped "
                + "(imported before), 4 refused, 0 failed");
        assertThat(summary).contains("imported  a/000.txt     edu-610600/2019 v1, GOV_2021; "
                        + "agency 延安市教育局 (title) = edu-610600, region 610600, year 2019 (title)")
                .contains("imported  b/c/003.md    edu-610600/2022 v1")
                .contains("imported  b/hongze.pdf  gov-320813/2024 v1, GOV_2021; "
                        + "agency 淮安市洪泽区人民政府 (title) = gov-320813, region 320813, year 2024 (title)")
                .contains("refused   d/x.doc       422 The submission is not valid: the report was read but cannot be "
                        + "stored; nothing was stored — agencyId: the text names no agency; pass ?agencyId=; year: the "
                        + "text gives no report year; pass ?year= (neither the title nor the file name names the agency: "
                        + "pass --agency ID, or name the file like 沭阳县发展和改革局2023年政府信息公开年度报告.pdf; neither "
                        + "the title nor the file name gives the year: put it in the file name)");
        assertThat(summary.lines().filter(l -> l.startsWith("  "))).hasSize(9);
        assertThat(summary).containsPattern("9 file\\(s\\) in [0-9.]+ s \\([0-9.]+ files/s\\); state file .*\\.nianbao-import-state");
    }

    @Test
    void theProgressBarCountsFilesDoneAndNamesTheCurrentOne() throws IOException {
        file("000.txt", "延安市教育局2019年度政府信息公开工作报告");
        file("sub/001.html", "<h1>延安市教育局2020年政府信息公开工作年度报告</h1>");

        assertThat(run("--url", service.url(), folder.toString())).isZero();

        assertThat(err.toString().lines().toList()).containsExactly(
                "[                    ] 0/2 000.txt",
                "[##########          ] 1/2 sub/001.html",
                "[####################] 2/2");
    }

    @Test
    void onATerminal_theBarRedrawsInPlace() throws IOException {
        file("a.txt", "延安市教育局2019年度政府信息公开工作报告");
        file("b.txt", "延安市教育局2020年度政府信息公开工作报告");

        run(true, "--url", service.url(), folder.toString());

        assertThat(err.toString()).startsWith("\r[                    ] 0/2 a.txt")
                .contains("\r[##########          ] 1/2 b.txt")
                .endsWith("\r[####################] 2/2" + " ".repeat(6) + System.lineSeparator());
    }

    @Test
    void whatTheTitleDoesNotSay_comesFromTheFileName_andTheSummarySaysSo() throws IOException {
        file("沭阳县发展和改革局2023年政府信息公开年度报告.txt", "一、总体情况 TABLES");
        file("2024年上海市科委政府信息公开工作年度报告.docx", "2024年 政府信息公开工作年度报告 TABLES");
        file("延安市教育局2018年政府信息公开工作年度报告.txt", "延安市教育局2019年度政府信息公开工作报告 TABLES");

        assertThat(run("--url", service.url(), folder.toString())).isZero();

        String summary = out.toString();
        assertThat(summary).startsWith("Imported 3 of 3 file(s): 3 imported");
        assertThat(summary).contains("沭阳县发展和改革局2023年政府信息公开年度报告.txt  fgj-321322/2023 v1, GOV_2021; "
                + "agency 沭阳县发展和改革局 (file name) = fgj-321322, region 321322, year 2023 (file name)");
        assertThat(summary).contains("2024年上海市科委政府信息公开工作年度报告.docx   kw-310000/2024 v1, GOV_2021; "
                + "agency 上海市科委 (file name) = kw-310000, region 310000, year 2024 (title)");
        assertThat(summary).as("the title wins, and a file name that says otherwise is pointed out")
                .contains("edu-610600/2019 v1, GOV_2021; agency 延安市教育局 (title) = edu-610600, region 610600, "
                        + "year 2019 (title) (the file name says 2018)");
        assertThat(service.submitted()).filteredOn(r -> r.params().containsKey("agencyName"))
                .extracting(r -> r.params().get("agencyName") + "/" + r.params().get("year"))
                .containsExactlyInAnyOrder("沭阳县发展和改革局/2023", "上海市科委/null");
    }

    @Test
    void aTitleNamingAnUnregisteredAgency_isRefused_notReplacedByTheFileName() throws IOException {
        file("延安市教育局2019年政府信息公开工作年度报告.txt", "某某县某某局2019年度政府信息公开工作报告 TABLES");

        assertThat(run("--url", service.url(), folder.toString())).isEqualTo(1);

        assertThat(out.toString()).contains("refused  延安市教育局2019年政府信息公开工作年度报告.txt  422 The submission is "
                + "not valid: the report was read but cannot be stored; nothing was stored — agencyId: no registered "
                + "agency is named 某某县某某局; pass ?agencyId= or register it");
        assertThat(service.requests).singleElement();
    }

    @Test
    void aSecondRun_skipsWhatWasImported_byContentHash_andImportsAChangedFileAgain() throws IOException {
        Path a = file("a.txt", "延安市教育局2019年度政府信息公开工作报告");
        file("b.txt", "延安市教育局2020年度政府信息公开工作报告");
        file("c.txt", "GARBAGE");
        assertThat(run("--url", service.url(), folder.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("Imported 2 of 3 file(s): 2 imported, 0 imported with warnings, 0 skipped");

        run("--url", service.url(), folder.toString());
        assertThat(out.toString()).startsWith("Imported 0 of 3 file(s): 0 imported, 0 imported with warnings, "
                        + "2 skipped (imported before), 1 refused, 0 failed")
                .containsPattern("skipped  a.txt  already imported on \\S+ as edu-610600/2019 v1 \\(same SHA-256; "
                        + "a changed file is imported again\\)")
                .contains("refused  c.txt  422 The text could not be read as a report");

        Files.writeString(a, "延安市教育局2019年度政府信息公开工作报告（修订）", StandardCharsets.UTF_8);
        Files.move(folder.resolve("b.txt"), folder.resolve("b-renamed.txt"));
        run("--url", service.url(), folder.toString());
        assertThat(out.toString()).startsWith("Imported 1 of 3 file(s): 1 imported, 0 imported with warnings, "
                        + "1 skipped (imported before), 1 refused, 0 failed")
                .contains("imported  a.txt          edu-610600/2019 v2")
                .contains("skipped   b-renamed.txt  already imported on")
                .contains("as edu-610600/2020 v1 from b.txt");
        assertThat(service.submitted()).as("a, b, c; then c; then the changed a and c").hasSize(3 + 1 + 2);
    }

    @Test
    void theStateFile_canBeKeptElsewhere_andADryRunRemembersNothing() throws IOException {
        file("a.txt", "延安市教育局2019年度政府信息公开工作报告");
        Path state = folder.resolveSibling(folder.getFileName() + "-state").resolve("imported.tsv");

        run("--url", service.url(), "--dry-run", "--state", state.toString(), folder.toString());
        assertThat(out.toString()).startsWith("Parsed 1 of 1 file(s) (dry run: nothing was submitted): 1 parsed")
                .contains("parsed  a.txt  parsed, not submitted, GOV_2021, 0 cells; agency 延安市教育局 (title) = edu-610600, year 2019 (title)");
        assertThat(state).doesNotExist();

        run("--url", service.url(), "--state", state.toString(), folder.toString());
        run("--url", service.url(), "--state", state.toString(), folder.toString());
        assertThat(out.toString()).contains("1 skipped (imported before)");
        assertThat(Files.readString(state)).startsWith(ImportState.sha256("延安市教育局2019年度政府信息公开工作报告"
                .getBytes(StandardCharsets.UTF_8))).contains("\tedu-610600/2019 v1\ta.txt");
        assertThat(folder.resolve(ImportState.DEFAULT_NAME)).doesNotExist();
    }

    @Test
    void warningsAreCountedAndListed() throws IOException {
        file("b.txt", "延安市教育局2020年度政府信息公开工作报告 WARN");

        assertThat(run("--url", service.url() + "/", folder.toString())).isZero();

        assertThat(service.requests).extracting(StandInReportService.Seen::authorization).containsOnlyNulls();
        assertThat(out.toString()).startsWith("Imported 1 of 1 file(s): 0 imported, 1 imported with warnings")
                .contains("imported with warnings  b.txt  edu-610600/2020 v1, GOV_2021; agency 延安市教育局 (title) = "
                        + "edu-610600, region 610600, year 2020 (title); 1 rule warning(s); 1 number(s) not placed in a cell");
    }

    @Test
    void theAgencyOption_isSentForEveryFile_andNamedAsTheSource() throws IOException {
        file("000.txt", "2019年度政府信息公开工作报告");

        assertThat(run("--url", service.url(), "--agency", "edu-610600", folder.toString())).isZero();

        assertThat(service.requests).singleElement().satisfies(r ->
                assertThat(r.query()).isEqualTo("submit=true&agencyId=edu-610600"));
        assertThat(out.toString()).contains("edu-610600/2019 v1, GOV_2021; agency edu-610600 (--agency), region 610600, year 2019 (title)");
    }

    @Test
    void aGbkFile_isSentAsItsBytes_forTheServiceToDecode() throws IOException {
        byte[] gbk = "岳阳楼区教育局2023年政府信息公开年度报告".getBytes(Charset.forName("GBK"));
        Files.write(folder.resolve("gbk.txt"), gbk);

        assertThat(run("--url", service.url(), folder.toString())).isZero();

        assertThat(service.requests).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(gbk);
            assertThat(r.contentType()).isEqualTo("text/plain");
        });
        assertThat(out.toString()).contains("agency 岳阳楼区教育局 (title) = edu-430602");
    }

    @Test
    void usageErrors_exit2_andSendNothing() throws IOException {
        assertThat(run("--url", service.url())).as("no folder, no --urls").isEqualTo(2);
        assertThat(err.toString()).contains("give a FOLDER of report files, or --urls FILE, or both");
        assertThat(run("--url", service.url(), folder.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
        assertThat(run("--url", service.url(), folder.toString())).as("no report files").isEqualTo(2);
        assertThat(err.toString()).contains("has no report files (.pdf .docx .doc .xlsx .xls .html .htm .txt .md)");
        assertThat(run("--url", service.url(), "--urls", folder.resolve("none.txt").toString())).isEqualTo(2);
        file("000.txt", "report");
        assertThat(run("--url", "localhost:8080", folder.toString())).isEqualTo(2);
        assertThat(run("--url", service.url(), "--bogus", folder.toString())).isEqualTo(2);
        assertThat(run("--url", service.url(), "--timeout", "0", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: nianbao-import");
        assertThat(service.requests).isEmpty();
    }

    @Test
    void helpSaysWhereTheStateIsKept() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--state=FILE").contains(".nianbao-import-state in FOLDER")
                .contains("--urls=FILE").contains("--fetch-timeout=SECONDS").contains("--max-fetch-bytes=BYTES");
    }

    @Test
    void unreachableService_failsEveryFile_withTheReason_exit1() throws IOException {
        file("000.txt", "延安市教育局2019年度政府信息公开工作报告");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int exit = run("--url", "http://127.0.0.1:" + closedPort, folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("0 imported, 0 imported with warnings, 0 skipped (imported before), 0 refused, 1 failed")
                .contains("failed  000.txt  cannot reach http://127.0.0.1:" + closedPort);
    }
}
