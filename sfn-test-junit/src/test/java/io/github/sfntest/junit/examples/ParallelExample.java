package io.github.sfntest.junit.examples;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 200 test methods for the parallel-execution test (generated: one line per method). Each test
 * mocks with its own values and records what its execution did; a leak of mocks, engines or
 * generated names between concurrently running tests changes the record or fails the test.
 */
@StateMachineTest(definition = "examples/parent.asl.json", seed = 11,
    machines = {@StateMachine(value = "Payment", definition = "examples/payment.asl.json"),
                @StateMachine(value = "Approval", definition = "examples/callback.asl.json")})
public class ParallelExample {

  /** Test name -> the rendered executions, for comparing runs. */
  public static final Map<String, String> RECORD = new ConcurrentHashMap<>();

  StateMachineUnderTest parent;
  @StateMachine("Approval") StateMachineUnderTest approval;
  MockedResponses mocks;

  void check(String test, int n) {
    StringBuilder record = new StringBuilder();
    switch (n % 3) {
      case 0 -> {
        mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "r-" + n)))
            .withLatency(Duration.ofSeconds(n));
        ExecutionResult result = parent.run();
        assertThat(result).succeeded().hasOutput("{\"status\": \"SUCCEEDED\", \"receipt\": \"r-" + n + "\"}")
            .took(Duration.ofSeconds(n));
        mocks.verify("Charge").times(1);
        record.append(result.render()).append(result.executionArn());
      }
      case 1 -> {
        mocks.onState("Charge").willThrow("Card.Declined", "card " + n);
        ExecutionResult result = parent.run();
        assertThat(result).failedWith("PaymentFailed").state("Pay").failedWith("States.TaskFailed");
        record.append(result.render()).append(result.executionArn());
      }
      default -> {
        mocks.onState("Approve").willWaitForCallback();
        Execution execution = approval.start("{\"n\": " + n + "}");
        String token = execution.awaitTask("Approve").taskToken();
        execution.advanceTime(Duration.ofMinutes(n));
        execution.sendTaskSuccess(token, "{\"approved\": " + n + "}");
        ExecutionResult result = execution.awaitCompletion();
        assertThat(result).succeeded().hasOutput("{\"approved\": " + n + "}").took(Duration.ofMinutes(n));
        record.append(result.render()).append(token).append(result.executionArn());
      }
    }
    RECORD.put(test, record.toString());
  }

  @org.junit.jupiter.api.Test void t000() { check("t000", 0); }
  @org.junit.jupiter.api.Test void t001() { check("t001", 1); }
  @org.junit.jupiter.api.Test void t002() { check("t002", 2); }
  @org.junit.jupiter.api.Test void t003() { check("t003", 3); }
  @org.junit.jupiter.api.Test void t004() { check("t004", 4); }
  @org.junit.jupiter.api.Test void t005() { check("t005", 5); }
  @org.junit.jupiter.api.Test void t006() { check("t006", 6); }
  @org.junit.jupiter.api.Test void t007() { check("t007", 7); }
  @org.junit.jupiter.api.Test void t008() { check("t008", 8); }
  @org.junit.jupiter.api.Test void t009() { check("t009", 9); }
  @org.junit.jupiter.api.Test void t010() { check("t010", 10); }
  @org.junit.jupiter.api.Test void t011() { check("t011", 11); }
  @org.junit.jupiter.api.Test void t012() { check("t012", 12); }
  @org.junit.jupiter.api.Test void t013() { check("t013", 13); }
  @org.junit.jupiter.api.Test void t014() { check("t014", 14); }
  @org.junit.jupiter.api.Test void t015() { check("t015", 15); }
  @org.junit.jupiter.api.Test void t016() { check("t016", 16); }
  @org.junit.jupiter.api.Test void t017() { check("t017", 17); }
  @org.junit.jupiter.api.Test void t018() { check("t018", 18); }
  @org.junit.jupiter.api.Test void t019() { check("t019", 19); }
  @org.junit.jupiter.api.Test void t020() { check("t020", 20); }
  @org.junit.jupiter.api.Test void t021() { check("t021", 21); }
  @org.junit.jupiter.api.Test void t022() { check("t022", 22); }
  @org.junit.jupiter.api.Test void t023() { check("t023", 23); }
  @org.junit.jupiter.api.Test void t024() { check("t024", 24); }
  @org.junit.jupiter.api.Test void t025() { check("t025", 25); }
  @org.junit.jupiter.api.Test void t026() { check("t026", 26); }
  @org.junit.jupiter.api.Test void t027() { check("t027", 27); }
  @org.junit.jupiter.api.Test void t028() { check("t028", 28); }
  @org.junit.jupiter.api.Test void t029() { check("t029", 29); }
  @org.junit.jupiter.api.Test void t030() { check("t030", 30); }
  @org.junit.jupiter.api.Test void t031() { check("t031", 31); }
  @org.junit.jupiter.api.Test void t032() { check("t032", 32); }
  @org.junit.jupiter.api.Test void t033() { check("t033", 33); }
  @org.junit.jupiter.api.Test void t034() { check("t034", 34); }
  @org.junit.jupiter.api.Test void t035() { check("t035", 35); }
  @org.junit.jupiter.api.Test void t036() { check("t036", 36); }
  @org.junit.jupiter.api.Test void t037() { check("t037", 37); }
  @org.junit.jupiter.api.Test void t038() { check("t038", 38); }
  @org.junit.jupiter.api.Test void t039() { check("t039", 39); }
  @org.junit.jupiter.api.Test void t040() { check("t040", 40); }
  @org.junit.jupiter.api.Test void t041() { check("t041", 41); }
  @org.junit.jupiter.api.Test void t042() { check("t042", 42); }
  @org.junit.jupiter.api.Test void t043() { check("t043", 43); }
  @org.junit.jupiter.api.Test void t044() { check("t044", 44); }
  @org.junit.jupiter.api.Test void t045() { check("t045", 45); }
  @org.junit.jupiter.api.Test void t046() { check("t046", 46); }
  @org.junit.jupiter.api.Test void t047() { check("t047", 47); }
  @org.junit.jupiter.api.Test void t048() { check("t048", 48); }
  @org.junit.jupiter.api.Test void t049() { check("t049", 49); }
  @org.junit.jupiter.api.Test void t050() { check("t050", 50); }
  @org.junit.jupiter.api.Test void t051() { check("t051", 51); }
  @org.junit.jupiter.api.Test void t052() { check("t052", 52); }
  @org.junit.jupiter.api.Test void t053() { check("t053", 53); }
  @org.junit.jupiter.api.Test void t054() { check("t054", 54); }
  @org.junit.jupiter.api.Test void t055() { check("t055", 55); }
  @org.junit.jupiter.api.Test void t056() { check("t056", 56); }
  @org.junit.jupiter.api.Test void t057() { check("t057", 57); }
  @org.junit.jupiter.api.Test void t058() { check("t058", 58); }
  @org.junit.jupiter.api.Test void t059() { check("t059", 59); }
  @org.junit.jupiter.api.Test void t060() { check("t060", 60); }
  @org.junit.jupiter.api.Test void t061() { check("t061", 61); }
  @org.junit.jupiter.api.Test void t062() { check("t062", 62); }
  @org.junit.jupiter.api.Test void t063() { check("t063", 63); }
  @org.junit.jupiter.api.Test void t064() { check("t064", 64); }
  @org.junit.jupiter.api.Test void t065() { check("t065", 65); }
  @org.junit.jupiter.api.Test void t066() { check("t066", 66); }
  @org.junit.jupiter.api.Test void t067() { check("t067", 67); }
  @org.junit.jupiter.api.Test void t068() { check("t068", 68); }
  @org.junit.jupiter.api.Test void t069() { check("t069", 69); }
  @org.junit.jupiter.api.Test void t070() { check("t070", 70); }
  @org.junit.jupiter.api.Test void t071() { check("t071", 71); }
  @org.junit.jupiter.api.Test void t072() { check("t072", 72); }
  @org.junit.jupiter.api.Test void t073() { check("t073", 73); }
  @org.junit.jupiter.api.Test void t074() { check("t074", 74); }
  @org.junit.jupiter.api.Test void t075() { check("t075", 75); }
  @org.junit.jupiter.api.Test void t076() { check("t076", 76); }
  @org.junit.jupiter.api.Test void t077() { check("t077", 77); }
  @org.junit.jupiter.api.Test void t078() { check("t078", 78); }
  @org.junit.jupiter.api.Test void t079() { check("t079", 79); }
  @org.junit.jupiter.api.Test void t080() { check("t080", 80); }
  @org.junit.jupiter.api.Test void t081() { check("t081", 81); }
  @org.junit.jupiter.api.Test void t082() { check("t082", 82); }
  @org.junit.jupiter.api.Test void t083() { check("t083", 83); }
  @org.junit.jupiter.api.Test void t084() { check("t084", 84); }
  @org.junit.jupiter.api.Test void t085() { check("t085", 85); }
  @org.junit.jupiter.api.Test void t086() { check("t086", 86); }
  @org.junit.jupiter.api.Test void t087() { check("t087", 87); }
  @org.junit.jupiter.api.Test void t088() { check("t088", 88); }
  @org.junit.jupiter.api.Test void t089() { check("t089", 89); }
  @org.junit.jupiter.api.Test void t090() { check("t090", 90); }
  @org.junit.jupiter.api.Test void t091() { check("t091", 91); }
  @org.junit.jupiter.api.Test void t092() { check("t092", 92); }
  @org.junit.jupiter.api.Test void t093() { check("t093", 93); }
  @org.junit.jupiter.api.Test void t094() { check("t094", 94); }
  @org.junit.jupiter.api.Test void t095() { check("t095", 95); }
  @org.junit.jupiter.api.Test void t096() { check("t096", 96); }
  @org.junit.jupiter.api.Test void t097() { check("t097", 97); }
  @org.junit.jupiter.api.Test void t098() { check("t098", 98); }
  @org.junit.jupiter.api.Test void t099() { check("t099", 99); }
  @org.junit.jupiter.api.Test void t100() { check("t100", 100); }
  @org.junit.jupiter.api.Test void t101() { check("t101", 101); }
  @org.junit.jupiter.api.Test void t102() { check("t102", 102); }
  @org.junit.jupiter.api.Test void t103() { check("t103", 103); }
  @org.junit.jupiter.api.Test void t104() { check("t104", 104); }
  @org.junit.jupiter.api.Test void t105() { check("t105", 105); }
  @org.junit.jupiter.api.Test void t106() { check("t106", 106); }
  @org.junit.jupiter.api.Test void t107() { check("t107", 107); }
  @org.junit.jupiter.api.Test void t108() { check("t108", 108); }
  @org.junit.jupiter.api.Test void t109() { check("t109", 109); }
  @org.junit.jupiter.api.Test void t110() { check("t110", 110); }
  @org.junit.jupiter.api.Test void t111() { check("t111", 111); }
  @org.junit.jupiter.api.Test void t112() { check("t112", 112); }
  @org.junit.jupiter.api.Test void t113() { check("t113", 113); }
  @org.junit.jupiter.api.Test void t114() { check("t114", 114); }
  @org.junit.jupiter.api.Test void t115() { check("t115", 115); }
  @org.junit.jupiter.api.Test void t116() { check("t116", 116); }
  @org.junit.jupiter.api.Test void t117() { check("t117", 117); }
  @org.junit.jupiter.api.Test void t118() { check("t118", 118); }
  @org.junit.jupiter.api.Test void t119() { check("t119", 119); }
  @org.junit.jupiter.api.Test void t120() { check("t120", 120); }
  @org.junit.jupiter.api.Test void t121() { check("t121", 121); }
  @org.junit.jupiter.api.Test void t122() { check("t122", 122); }
  @org.junit.jupiter.api.Test void t123() { check("t123", 123); }
  @org.junit.jupiter.api.Test void t124() { check("t124", 124); }
  @org.junit.jupiter.api.Test void t125() { check("t125", 125); }
  @org.junit.jupiter.api.Test void t126() { check("t126", 126); }
  @org.junit.jupiter.api.Test void t127() { check("t127", 127); }
  @org.junit.jupiter.api.Test void t128() { check("t128", 128); }
  @org.junit.jupiter.api.Test void t129() { check("t129", 129); }
  @org.junit.jupiter.api.Test void t130() { check("t130", 130); }
  @org.junit.jupiter.api.Test void t131() { check("t131", 131); }
  @org.junit.jupiter.api.Test void t132() { check("t132", 132); }
  @org.junit.jupiter.api.Test void t133() { check("t133", 133); }
  @org.junit.jupiter.api.Test void t134() { check("t134", 134); }
  @org.junit.jupiter.api.Test void t135() { check("t135", 135); }
  @org.junit.jupiter.api.Test void t136() { check("t136", 136); }
  @org.junit.jupiter.api.Test void t137() { check("t137", 137); }
  @org.junit.jupiter.api.Test void t138() { check("t138", 138); }
  @org.junit.jupiter.api.Test void t139() { check("t139", 139); }
  @org.junit.jupiter.api.Test void t140() { check("t140", 140); }
  @org.junit.jupiter.api.Test void t141() { check("t141", 141); }
  @org.junit.jupiter.api.Test void t142() { check("t142", 142); }
  @org.junit.jupiter.api.Test void t143() { check("t143", 143); }
  @org.junit.jupiter.api.Test void t144() { check("t144", 144); }
  @org.junit.jupiter.api.Test void t145() { check("t145", 145); }
  @org.junit.jupiter.api.Test void t146() { check("t146", 146); }
  @org.junit.jupiter.api.Test void t147() { check("t147", 147); }
  @org.junit.jupiter.api.Test void t148() { check("t148", 148); }
  @org.junit.jupiter.api.Test void t149() { check("t149", 149); }
  @org.junit.jupiter.api.Test void t150() { check("t150", 150); }
  @org.junit.jupiter.api.Test void t151() { check("t151", 151); }
  @org.junit.jupiter.api.Test void t152() { check("t152", 152); }
  @org.junit.jupiter.api.Test void t153() { check("t153", 153); }
  @org.junit.jupiter.api.Test void t154() { check("t154", 154); }
  @org.junit.jupiter.api.Test void t155() { check("t155", 155); }
  @org.junit.jupiter.api.Test void t156() { check("t156", 156); }
  @org.junit.jupiter.api.Test void t157() { check("t157", 157); }
  @org.junit.jupiter.api.Test void t158() { check("t158", 158); }
  @org.junit.jupiter.api.Test void t159() { check("t159", 159); }
  @org.junit.jupiter.api.Test void t160() { check("t160", 160); }
  @org.junit.jupiter.api.Test void t161() { check("t161", 161); }
  @org.junit.jupiter.api.Test void t162() { check("t162", 162); }
  @org.junit.jupiter.api.Test void t163() { check("t163", 163); }
  @org.junit.jupiter.api.Test void t164() { check("t164", 164); }
  @org.junit.jupiter.api.Test void t165() { check("t165", 165); }
  @org.junit.jupiter.api.Test void t166() { check("t166", 166); }
  @org.junit.jupiter.api.Test void t167() { check("t167", 167); }
  @org.junit.jupiter.api.Test void t168() { check("t168", 168); }
  @org.junit.jupiter.api.Test void t169() { check("t169", 169); }
  @org.junit.jupiter.api.Test void t170() { check("t170", 170); }
  @org.junit.jupiter.api.Test void t171() { check("t171", 171); }
  @org.junit.jupiter.api.Test void t172() { check("t172", 172); }
  @org.junit.jupiter.api.Test void t173() { check("t173", 173); }
  @org.junit.jupiter.api.Test void t174() { check("t174", 174); }
  @org.junit.jupiter.api.Test void t175() { check("t175", 175); }
  @org.junit.jupiter.api.Test void t176() { check("t176", 176); }
  @org.junit.jupiter.api.Test void t177() { check("t177", 177); }
  @org.junit.jupiter.api.Test void t178() { check("t178", 178); }
  @org.junit.jupiter.api.Test void t179() { check("t179", 179); }
  @org.junit.jupiter.api.Test void t180() { check("t180", 180); }
  @org.junit.jupiter.api.Test void t181() { check("t181", 181); }
  @org.junit.jupiter.api.Test void t182() { check("t182", 182); }
  @org.junit.jupiter.api.Test void t183() { check("t183", 183); }
  @org.junit.jupiter.api.Test void t184() { check("t184", 184); }
  @org.junit.jupiter.api.Test void t185() { check("t185", 185); }
  @org.junit.jupiter.api.Test void t186() { check("t186", 186); }
  @org.junit.jupiter.api.Test void t187() { check("t187", 187); }
  @org.junit.jupiter.api.Test void t188() { check("t188", 188); }
  @org.junit.jupiter.api.Test void t189() { check("t189", 189); }
  @org.junit.jupiter.api.Test void t190() { check("t190", 190); }
  @org.junit.jupiter.api.Test void t191() { check("t191", 191); }
  @org.junit.jupiter.api.Test void t192() { check("t192", 192); }
  @org.junit.jupiter.api.Test void t193() { check("t193", 193); }
  @org.junit.jupiter.api.Test void t194() { check("t194", 194); }
  @org.junit.jupiter.api.Test void t195() { check("t195", 195); }
  @org.junit.jupiter.api.Test void t196() { check("t196", 196); }
  @org.junit.jupiter.api.Test void t197() { check("t197", 197); }
  @org.junit.jupiter.api.Test void t198() { check("t198", 198); }
  @org.junit.jupiter.api.Test void t199() { check("t199", 199); }
}
