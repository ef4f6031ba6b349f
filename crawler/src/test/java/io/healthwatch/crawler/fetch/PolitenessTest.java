package io.healthwatch.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PolitenessTest {
  @Test
  void byHostKeepsThePortAndByDomainJoinsSubdomainsOfTheRegisteredDomain() {
    var byHost = new Politeness(Politeness.By.HOST);
    var byDomain = new Politeness(Politeness.By.DOMAIN);
    assertEquals("health.people.com.cn", byHost.key("http://health.people.com.cn/n1/1.html"));
    assertEquals("127.0.0.1:8080", byHost.key("http://127.0.0.1:8080/a"));
    assertEquals("people.com.cn", byDomain.key("http://health.people.com.cn/n1/1.html"));
    assertEquals("people.com.cn", byDomain.key("http://scitech.people.com.cn/"));
    assertEquals("nhc.gov.cn", byDomain.key("https://www.nhc.gov.cn/wjw/index.shtml"));
    assertEquals("127.0.0.1", byDomain.key("http://127.0.0.1:8080/a"));
  }
}
