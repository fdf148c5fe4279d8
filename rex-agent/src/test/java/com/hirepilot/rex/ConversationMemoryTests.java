package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.brain.OfflineBrain;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
