package io.github.sfntest.samples.loanbroker;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.mock.MockedResponses;
import java.util.Map;

/**
 * The Loan Broker's services as test doubles with the published rules: a credit bureau that scores
 * valid SSNs, and three banks that quote when the amount and the credit score are within their
 * limits (PawnShop 5 %, up to 500,000, score from 400; Universal 4 %, 700,000, 500; Premium 3 %,
 * 900,000, 600) and answer nothing otherwise.
 */
final class Banks {

  private Banks() {}

  record Bank(String function, String bankId, double rate, long maxLoan, int minScore) {}

  static final Bank PREMIUM = new Bank("BankRecipientPremium", "Premium", 3.0, 900_000, 600);
  static final Bank UNIVERSAL = new Bank("BankRecipientUniversal", "Universal", 4.0, 700_000, 500);
  static final Bank PAWNSHOP = new Bank("BankRecipientPawnshop", "PawnShop", 5.0, 500_000, 400);

  /** The credit bureau: a fixed score and history for a valid SSN, statusCode 400 without a score otherwise. */
  static void creditBureau(MockedResponses mocks, int score, int history) {
    // lenient: shared by scenarios, and a bureau timeout mocked on the state answers before it
    mocks.onLambda("CreditBureau").lenient();
    mocks.onLambda("CreditBureau").willAnswer(call -> {
      String ssn = call.parameters().at("/Payload/SSN").asText();
      String requestId = call.parameters().at("/Payload/RequestId").asText();
      return ssn.matches("^\\d{3}-\\d{2}-\\d{4}$")
          ? Map.of("statusCode", 200, "request_id", requestId, "body", Map.of("SSN", ssn, "score", score, "history", history))
          : Map.of("statusCode", 400, "request_id", requestId, "body", Map.of("SSN", ssn));
    });
  }

  /** Each bank quotes {rate, bankId} when it can lend, else returns null. */
  static void quoting(MockedResponses mocks, Bank... banks) {
    for (Bank bank : banks) {
      mocks.onLambda(bank.function()).willAnswer(call -> {
        JsonNode request = call.parameters().get("Payload");
        boolean lends = request.get("Amount").asLong() <= bank.maxLoan()
            && request.at("/Credit/Score").asInt() >= bank.minScore();
        return lends ? Map.of("rate", bank.rate(), "bankId", bank.bankId()) : null;
      });
    }
  }

  static String quote(Bank bank) {
    return "{\"rate\": " + bank.rate() + ", \"bankId\": \"" + bank.bankId() + "\"}";
  }
}
