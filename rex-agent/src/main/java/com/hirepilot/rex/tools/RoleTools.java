package com.hirepilot.rex.tools;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Gives each request the tool set of its caller's role. A client's conversation never even
 * describes a recruiter tool to the model, so no wording of a question can reach one.
 */
public final class RoleTools implements ToolProvider {

  private final ToolProviderResult recruiter;
  private final ToolProviderResult client;

  public RoleTools(SupportDesk desk) {
    this.recruiter = toolsOf(new RecruiterTools(desk));
    this.client = toolsOf(new ClientTools(desk));
  }

  @Override
  public ToolProviderResult provideTools(ToolProviderRequest request) {
    if (request.chatMemoryId() instanceof Conversation c && !c.caller().isClient()) {
      return recruiter;
    }
    // Anything that is not plainly a recruiter gets the narrow set.
    return client;
  }

  public static Set<String> namesOf(Class<?> tools) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Method m : tools.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Tool.class)) {
        names.add(m.getName());
      }
    }
    return names;
  }

  private static ToolProviderResult toolsOf(Object tools) {
    ToolProviderResult.Builder result = ToolProviderResult.builder();
    for (Method method : tools.getClass().getDeclaredMethods()) {
      if (method.isAnnotationPresent(Tool.class)) {
        result.add(
            ToolSpecifications.toolSpecificationFrom(method),
            new DefaultToolExecutor(tools, method));
      }
    }
    return result.build();
  }
}
