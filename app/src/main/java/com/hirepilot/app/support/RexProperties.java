package com.hirepilot.app.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * REX's settings ({@code rex.*}).
 *
 * @param brain {@code offline} (the default), {@code openai} (any OpenAI-compatible endpoint) or
 *     {@code anthropic}
 * @param supportAddress where escalation tickets are emailed
 */
@ConfigurationProperties("rex")
public record RexProperties(
    @DefaultValue("offline") String brain,
    @DefaultValue Llm llm,
    @DefaultValue("support@localhost") String supportAddress) {

  public record Llm(
      String baseUrl,
      String model,
      String apiKey,
      @DefaultValue("PT5S") Duration connectTimeout,
      @DefaultValue("PT30S") Duration readTimeout) {}
}
