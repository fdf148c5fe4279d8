package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.brain.OfflineBrain;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One conversation, many concurrent messages: every turn is kept, whole and in order. */
class ConversationMemoryTests {

  @Test
  void concurrentMessagesOfOneConversationLoseNoTurn() throws Exception {
    InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
    Rex rex =
        RexFixture.with(new OfflineBrain(RexFixture.KNOWLEDGE), "offline", new FakeDesk(), store);
    int turns = 8;
    ExecutorService pool = Executors.newFixedThreadPool(turns);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      String question = "how do I add a client to a job, variant " + i;
      done.add(
          pool.submit(
              () -> {
                start.await();
                return rex.ask(RexFixture.RECRUITER, "shared", question);
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<ChatMessage> memory =
        store.getMessages(new com.hirepilot.rex.tools.Conversation("shared", RexFixture.RECRUITER));
    assertThat(memory.get(0)).isInstanceOf(SystemMessage.class);
    List<ChatMessage> rest = memory.subList(1, memory.size());
    assertThat(rest).hasSize(2 * turns);
    for (int i = 0; i < rest.size(); i += 2) {
      assertThat(rest.get(i)).isInstanceOf(UserMessage.class);
      assertThat(rest.get(i + 1)).isInstanceOf(AiMessage.class);
    }
    // Memory keeps the questions without the documentation that was sent with them.
    assertThat(((UserMessage) rest.get(0)).singleText()).doesNotContain("<documentation>");
  }

  /**
   * Two instances (two Rex objects, each with its own locks) answer two messages of one
   * conversation at the same time: the model holds both until both are thinking. Both turns are
   * kept, whole.
   */
  @Test
  void twoInstancesAnsweringOneConversationAtOnceKeepBothTurns() throws Exception {
    InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
    CyclicBarrier bothThinking = new CyclicBarrier(2);
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            try {
              bothThinking.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("the two answers did not overlap", e);
            }
            String asked =
                ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
            return ChatResponse.builder()
                .aiMessage(AiMessage.from("answer to " + asked.lines().findFirst().orElse("")))
                .build();
          }
        };
    Rex a = RexFixture.with(model, "openai", new FakeDesk(), store);
    Rex b = RexFixture.with(model, "openai", new FakeDesk(), store);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> first = pool.submit(() -> a.ask(RexFixture.RECRUITER, "two", "question A"));
    Future<?> second = pool.submit(() -> b.ask(RexFixture.RECRUITER, "two", "question B"));
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    List<ChatMessage> memory =
        store.getMessages(new com.hirepilot.rex.tools.Conversation("two", RexFixture.RECRUITER));
    assertThat(memory.get(0)).isInstanceOf(SystemMessage.class);
    assertThat(memory).hasSize(5);
    List<String> texts =
        memory.subList(1, 5).stream()
            .map(m -> m instanceof UserMessage u ? u.singleText() : ((AiMessage) m).text())
            .toList();
    // Each turn whole: a question, then its own answer.
    for (int i = 0; i < 4; i += 2) {
      assertThat(texts.get(i + 1)).startsWith("answer to ").contains(texts.get(i).strip());
    }
    assertThat(String.join("\n", texts)).contains("question A").contains("question B");
  }
}
