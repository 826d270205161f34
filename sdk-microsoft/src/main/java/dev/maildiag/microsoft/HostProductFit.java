package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext.HostProduct;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.microsoft.HostProductSupport.Feature;
import dev.maildiag.microsoft.HostProductSupport.Verdict;
import java.util.Optional;

/** The host product's version supports OAuth with this protocol, this cloud and this many mail channels. */
public final class HostProductFit implements Check {
  public static final String ID = "microsoft.host-product";

  private final HostProductSupport products;

  /** A check with the built-in product rules. */
  public HostProductFit() {
    this(HostProductSupport.builtIn());
  }

  /** A check with these product rules. */
  public HostProductFit(HostProductSupport products) {
    this.products = products;
  }

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Host product supports this configuration")
        .finds(RootCause.HOST_PRODUCT_UNSUPPORTED, RootCause.POP_OAUTH_FORMAT, RootCause.CLOUD_MISMATCH, RootCause.MULTI_CHANNEL_BETA);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.product().isPresent();
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    HostProduct p = c.product().orElseThrow();
    String what = p.name() + " " + p.version();
    Optional<Verdict> oauth = products.supports(p.name(), p.version(), Feature.OAUTH);
    if (oauth.isPresent() && !oauth.get().supported()) {
      return unsupported(c, what + " does not support OAuth 2.0 mail handlers", RootCause.HOST_PRODUCT_UNSUPPORTED, oauth.get());
    }
    if (c.server().protocol() == Protocol.POP3) {
      Optional<Verdict> pop = products.supports(p.name(), p.version(), Feature.POP3_OAUTH);
      if (pop.isPresent() && !pop.get().supported()) {
        return unsupported(c, what + " does not support POP3 with OAuth 2.0 ('Protocol error. Connection is closed. 10')",
            RootCause.POP_OAUTH_FORMAT, pop.get());
      }
    }
    boolean government = MicrosoftCatalog.cloudOf(c).map(cl -> cl.id().equals("gcc-high") || cl.id().equals("dod")).orElse(false);
    if (government) {
      Optional<Verdict> gov = products.supports(p.name(), p.version(), Feature.GOVERNMENT_CLOUD);
      if (gov.isPresent() && !gov.get().supported()) {
        return unsupported(c, what + " does not support GCC High or DoD accounts", RootCause.CLOUD_MISMATCH, gov.get());
      }
    }
    if (products.isMultiChannelBeta(p.name(), p.version())) {
      int channels = c.attribute(HostProductSupport.OAUTH_MAIL_CHANNELS).orElse(0);
      Verdict v = products.supports(p.name(), p.version(), Feature.MULTI_CHANNEL).orElseThrow();
      if (channels > 1) {
        return unsupported(c, what + " only has the beta multi-channel email feature, which fails for a second OAuth channel",
            RootCause.MULTI_CHANNEL_BETA, v);
      }
      return Finding.info(what + " has only the beta multi-channel email feature; a second OAuth 2.0 channel would fail")
          .rootCause(RootCause.MULTI_CHANNEL_BETA, 0.3)
          .evidence("product", what).evidence("supported from", v.rule().since()).build();
    }
    return Finding.ok(what + " supports this configuration").evidence("product", what).build();
  }

  private static Finding unsupported(DiagnosticContext c, String summary, String rootCause, Verdict v) {
    return Finding.error(summary)
        .rootCause(rootCause, 0.9)
        .step("Upgrade " + c.product().orElseThrow().name() + " to " + v.rule().since() + " or later.")
        .remediation(rootCause.equals(RootCause.POP_OAUTH_FORMAT) ? MicrosoftFixes.of(rootCause, c) : dev.maildiag.api.Remediation.NONE)
        .link("https://confluence.atlassian.com/jirakb/1095250181.html")
        .evidence("product", c.product().orElseThrow().name() + " " + c.product().orElseThrow().version())
        .evidence("supported from", v.rule().since())
        .evidence("source", v.rule().source())
        .build();
  }
}
