package org.storybank.command.loop;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LoopController.class)
class LoopControllerTest {

  @Autowired private MockMvc mvc;
  @MockitoBean private CommandGateway commands;

  /** Found by the fuzzer: the form-content filter failed to decode the body (a 500). */
  @Test
  void aJsonBodySentAsAFormIsRefusedAsUnsupported() throws Exception {
    mvc.perform(
            put("/api/loops/62ece779-77ef-49d9-a300-98a09e456158")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .subject("c-1")
                                    .claim("role", "coach")
                                    .claim("cohorts", List.of("cohort-1"))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("If-Match", "99999999999999999999")
                .content(
                    "{\"company\":[{\"k0\":0,\"k1\":10,\"k2\":\"縓臫\"}],\"role\":\"8o1{SE||\\\\DdwNVyR5P\",\"level\":\"0\",\"date\":\"\\u000F\\u0019\\u0010\",\"interviews\":\";LS(/nU^CS7%OUMs\"}"))
        .andExpect(status().isUnsupportedMediaType());
    verify(commands, never()).sendAndWait(any());
  }
}
