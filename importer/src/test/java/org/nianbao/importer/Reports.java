package org.nianbao.importer;

/** Small reports written inline by the tests: a title and section headings around the table text given. */
final class Reports {

    private Reports() {
    }

    static String report(int year, String tables) {
        return """
                测试县教育局%d年政府信息公开工作年度报告
                一、总体情况
                本年度我局依法做好政府信息公开工作。
                %s
                五、存在的主要问题及改进情况
                公开形式还不够丰富。
                六、其他需要报告的事项
                无。
                """.formatted(year, tables);
    }
}
