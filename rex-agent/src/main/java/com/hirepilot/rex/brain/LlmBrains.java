package com.hirepilot.rex.brain;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The LLM brains REX can use: any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, …) or
 * Anthropic. Each has a connect and a read timeout, and no retries of its own: a failed call goes
 * to the offline brain at once rather than keeping the user waiting twice.
 */
public final class LlmBrains {

  private LlmBrains() {}

  /** Where and how to reach an LLM. */
  public record Endpoint(
      String baseUrl, String model, String apiKey, Duration connectTimeout, Duration readTimeout) {}

  public static ChatModel openAiCompatible(Endpoint endpoint) {
    OpenAiChatModel.OpenAiChatModelBuilder builder =
        OpenAiChatModel.builder()
            .httpClientBuilder(http(endpoint))
            .modelName(endpoint.model())
            .apiKey(blankToDefault(endpoint.apiKey(), "none"))
            .timeout(endpoint.readTimeout())
            .maxRetries(0)
            .temperature(0.0);
    if (endpoint.baseUrl() != null && !endpoint.baseUrl().isBlank()) {
      builder.baseUrl(endpoint.baseUrl());
    }
    return builder.build();
  }

  public static ChatModel anthropic(Endpoint endpoint) {
    AnthropicChatModel.AnthropicChatModelBuilder builder =
        AnthropicChatModel.builder()
            .httpClientBuilder(http(endpoint))
            .modelName(endpoint.model())
            .apiKey(blankToDefault(endpoint.apiKey(), "none"))
            .timeout(endpoint.readTimeout())
            .maxRetries(0)
            .maxTokens(1024)
            .temperature(0.0);
    if (endpoint.baseUrl() != null && !endpoint.baseUrl().isBlank()) {
      builder.baseUrl(endpoint.baseUrl());
    }
    return builder.build();
  }

  private static JdkHttpClientBuilder http(Endpoint endpoint) {
    return new JdkHttpClientBuilder()
        // HTTP/1.1: local servers (Ollama, vLLM, test fakes) speak it; h2c upgrades stall some.
        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
        .connectTimeout(endpoint.connectTimeout())
        .readTimeout(endpoint.readTimeout());
  }

  private static String blankToDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
