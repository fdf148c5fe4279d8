package com.hirepilot.app.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Puts every string of every JSON request body through {@link UserText}, so no endpoint can take
 * free text around it. Spring Boot registers this module with the app's {@code ObjectMapper}; the
 * field named in a refusal is the JSON path, such as {@code skills[1]}.
 */
@Component
class UserTextJson extends SimpleModule {

  UserTextJson() {
    super("UserText");
    addDeserializer(String.class, new CleanStrings());
  }

  static final class CleanStrings extends StdScalarDeserializer<String> {

    CleanStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      return UserText.clean(path(parser.getParsingContext()), text);
    }

    /** The path of the value being read, e.g. {@code attachments[0].name}. */
    static String path(JsonStreamContext here) {
      StringBuilder path = new StringBuilder();
      for (JsonStreamContext c = here; c != null && !c.inRoot(); c = c.getParent()) {
        if (c.inArray()) {
          path.insert(0, "[" + c.getCurrentIndex() + "]");
        } else if (c.getCurrentName() != null) {
          path.insert(
              0, (path.length() == 0 || path.charAt(0) == '[' ? "" : ".") + c.getCurrentName());
        }
      }
      return path.length() == 0 ? "body" : path.toString();
    }
  }
}
