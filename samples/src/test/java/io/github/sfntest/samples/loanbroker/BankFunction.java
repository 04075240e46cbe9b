package io.github.sfntest.samples.loanbroker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A bank of the Loan Broker as a real Java Lambda function (the published rules, as {@link Banks}
 * states them): it quotes its rate when it can lend the amount at the customer's credit score, and
 * answers nothing otherwise. Deployed, each bank is a function of its own with this handler; the
 * tests run them in-process with {@code mocks.onLambda(name).willInvokeHandler(...)}.
 */
public abstract class BankFunction implements RequestHandler<BankFunction.LoanRequest, BankFunction.Quote> {

  /** The Map iteration's {@code Payload}: the request and the customer's credit. */
  public record LoanRequest(
      @JsonProperty("SSN") String ssn,
      @JsonProperty("Amount") long amount,
      @JsonProperty("Term") int term,
      @JsonProperty("Credit") Credit credit) {}

  /** The credit bureau's answer, as {@code Get Credit Score} selected it. */
  public record Credit(@JsonProperty("Score") int score, @JsonProperty("History") int history) {}

  /** A quote: the bank's rate and its id. */
  public record Quote(double rate, String bankId) {}

  private final String bankId;
  private final double rate;
  private final long maxLoan;
  private final int minScore;

  BankFunction(String bankId, double rate, long maxLoan, int minScore) {
    this.bankId = bankId;
    this.rate = rate;
    this.maxLoan = maxLoan;
    this.minScore = minScore;
  }

  @Override
  public Quote handleRequest(LoanRequest request, Context context) {
    if (request.amount() <= 0) {
      throw new IllegalArgumentException("the amount must be positive, got " + request.amount());
    }
    boolean lends = request.amount() <= maxLoan && request.credit().score() >= minScore;
    context.getLogger().log(bankId + (lends ? " quotes " + rate : " declines") + " for score " + request.credit().score());
    return lends ? new Quote(rate, bankId) : null;
  }

  /** BankRecipientPremium: 3 %, up to 900,000, score from 600. */
  public static final class Premium extends BankFunction {
    public Premium() {
      super("Premium", 3.0, 900_000, 600);
    }
  }

  /** BankRecipientUniversal: 4 %, up to 700,000, score from 500. */
  public static final class Universal extends BankFunction {
    public Universal() {
      super("Universal", 4.0, 700_000, 500);
    }
  }

  /** BankRecipientPawnshop: 5 %, up to 500,000, score from 400. */
  public static final class PawnShop extends BankFunction {
    public PawnShop() {
      super("PawnShop", 5.0, 500_000, 400);
    }
  }
}
