package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMapperTest {
  private final ErrorMapper mapper = new ErrorMapper(1024);

  @ParameterizedTest
  @CsvSource({
    "COMPONENT_NOT_FOUND, 404",
    "MACHINE_NOT_FOUND, 404",
    "INSTANCE_NOT_FOUND, 404",
    "INSTANCE_FINISHED, 409",
    "INVALID_REQUEST, 400",
    "QUEUE_FULL, 503",
    "UNAVAILABLE, 503",
    "USER_CODE_ERROR, 500"
  })
  void registryCodesMapToStatuses(ErrorCode code, int status) {
    ErrorMapper.ApiError e = mapper.classify(new RuntimeFailure(code, "msg"), -1);
    assertThat(e).isEqualTo(new ErrorMapper.ApiError(status, code.name(), "msg"));
    assertThat(e.toJson().encode()).isEqualTo("{\"error\":\"msg\",\"code\":\"" + code + "\"}");
  }

  @Test
  void apiExceptionsKeepTheirStatusAndCode() {
    assertThat(mapper.classify(ApiException.invalid("bad"), -1))
        .isEqualTo(new ErrorMapper.ApiError(400, "INVALID_REQUEST", "bad"));
  }

  @Test
  void decodeFailuresAreInvalidJson() {
    ErrorMapper.ApiError e =
        mapper.classify(new DecodeException("Unexpected char at [Source"), 500);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INVALID_JSON");
    assertThat(e.message()).doesNotContain("Source");
  }

  @Test
  void routerStatusesGetStableCodes() {
    assertThat(mapper.classify(null, 413).code()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(mapper.classify(null, 413).message()).contains("1024 bytes");
    assertThat(mapper.classify(null, 404).code()).isEqualTo("NOT_FOUND");
    assertThat(mapper.classify(null, 405).code()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(mapper.classify(new HttpException(413), -1).status()).isEqualTo(413);
    assertThat(mapper.classify(null, 418).status()).isEqualTo(418);
  }

  @Test
  void anythingElseIsAGeneric500() {
    ErrorMapper.ApiError e =
        mapper.classify(new IllegalStateException("org.postgresql secret detail"), -1);
    assertThat(e)
        .isEqualTo(new ErrorMapper.ApiError(500, "INTERNAL_ERROR", "Internal server error"));
    assertThat(e.serverSide()).isTrue();
    assertThat(mapper.classify(null, -1).code()).isEqualTo("INTERNAL_ERROR");
  }
}
