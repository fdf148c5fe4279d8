package com.hirepilot.app.rex;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.rex.Rex;
import com.hirepilot.rex.SharedChatMemoryStore;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.retrieval.Retriever;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Conversation;
import com.hirepilot.rex.tools.SupportDesk;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * One REX conversation answered on two instances at the same moment, on PostgreSQL: two Rex objects
 * (each with its own in-process locks, as two app instances have) on the app's conversation store,
 * with a model that holds both answers until both are being written. Both turns end up in the
 * memory, each question followed by its own answer.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class RexTurnsOnPostgresTests {

  @Autowired KnowledgeBase knowledge;
  @Autowired Retriever retriever;
  @Autowired SupportDesk desk;
  @Autowired SharedChatMemoryStore conversations;

  final RecruiterApi recruiter =
      new RecruiterApi(TestRuntime.postgres().origin(), TestRuntime.RECRUITER_TOKEN);

  @Test
  void twoMessagesOfOneConversationAnsweredAtOnceOnTwoInstancesAreBothKept() throws Exception {
    String conversationId =
        json(recruiter.post("/api/rex/chat", "{\"message\":\"how do I add a client to a job\"}"))
            .path("conversationId")
            .asText();
    Caller caller =
        new Caller(
            Caller.Role.RECRUITER, "ws", "r", "Riley Recruiter", TestRuntime.RECRUITER_EMAIL);
    Conversation conversation = new Conversation(conversationId, caller);
    int before = conversations.getMessages(conversation).size();

    CyclicBarrier bothThinking = new CyclicBarrier(2);
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            try {
              bothThinking.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("the two answers did not overlap", e);
            }
            String asked =
                ((UserMessage) request.messages().get(request.messages().size() - 1))
                    .singleText()
                    .lines()
                    .findFirst()
                    .orElse("");
            return ChatResponse.builder().aiMessage(AiMessage.from("answer to " + asked)).build();
          }
        };
    String portal = TestRuntime.postgres().origin();
    Rex instanceA = new Rex(knowledge, retriever, model, "openai", desk, conversations, portal);
    Rex instanceB = new Rex(knowledge, retriever, model, "openai", desk, conversations, portal);

    CompletableFuture<?> a =
        CompletableFuture.runAsync(() -> instanceA.ask(caller, conversationId, "question A"));
    CompletableFuture<?> b =
        CompletableFuture.runAsync(() -> instanceB.ask(caller, conversationId, "question B"));
    a.get(60, TimeUnit.SECONDS);
    b.get(60, TimeUnit.SECONDS);

    List<ChatMessage> memory = conversations.getMessages(conversation);
    List<ChatMessage> added = memory.subList(before, memory.size());
    assertThat(added).hasSize(4);
    for (int i = 0; i < 4; i += 2) {
      String question = ((UserMessage) added.get(i)).singleText();
      assertThat(((AiMessage) added.get(i + 1)).text()).isEqualTo("answer to " + question);
    }
    assertThat(added.get(0).toString() + added.get(2))
        .contains("question A")
        .contains("question B");
  }
}
