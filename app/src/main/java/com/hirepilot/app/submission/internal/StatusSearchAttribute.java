package com.hirepilot.app.submission.internal;

import com.hirepilot.app.system.TemporalProperties;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the {@code SubmissionStatus} search attribute, so operators can filter submissions by
 * status in Temporal's Web UI and CLI. A workflow that upserts an unregistered attribute fails its
 * tasks, so workflows upsert it only when registration succeeded (or it existed already); on a
 * cluster that refuses (Temporal Cloud without the permission) submissions run without it.
 */
@Component
public class StatusSearchAttribute {

  private static final Logger log = LoggerFactory.getLogger(StatusSearchAttribute.class);

  private final boolean available;

  StatusSearchAttribute(WorkflowServiceStubs stubs, TemporalProperties properties) {
    this.available = register(stubs, properties.namespace());
  }

  /** Whether workflows may upsert the attribute. */
  public boolean available() {
    return available;
  }

  private static boolean register(WorkflowServiceStubs stubs, String namespace) {
    // Shares the workflow stubs' channel, which they close on shutdown, and their credentials
    // (temporal.api-key): the raw channel carries TLS but not the API key's header.
    OperatorServiceStubsOptions.Builder options =
        OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel());
    if (stubs.getOptions().getGrpcMetadataProviders() != null) {
      options.setGrpcMetadataProviders(stubs.getOptions().getGrpcMetadataProviders());
    }
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(options.validateAndBuildWithDefaults());
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putSearchAttributes(
                      SubmissionWorkflow.STATUS_SEARCH_ATTRIBUTE,
                      IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                  .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
      log.warn(
          "Could not register the search attribute {} ({}); submissions run without it. An"
              + " operator can add it: temporal operator search-attribute create --name {} --type"
              + " Keyword",
          SubmissionWorkflow.STATUS_SEARCH_ATTRIBUTE,
          e.getStatus(),
          SubmissionWorkflow.STATUS_SEARCH_ATTRIBUTE);
      return false;
    }
  }
}
