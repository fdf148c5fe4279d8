package com.hirepilot.app.notification;

import com.hirepilot.app.system.ConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * New mail would go to addresses that bounced, were dropped or reported our mail as spam: refused
 * (409) until a recruiter confirms or corrects them, never sent into the void and never dropped
 * silently. The message names each address and why; the problem answer lists them in {@code
 * flaggedAddresses}.
 */
public class FlaggedAddressesException extends ConflictException {

  private final transient List<AddressFlags.Flag> flags;

  FlaggedAddressesException(List<AddressFlags.Flag> flags) {
    super(message(flags), Map.of("flaggedAddresses", flags.stream().map(f -> view(f)).toList()));
    this.flags = List.copyOf(flags);
  }

  public List<AddressFlags.Flag> flags() {
    return flags;
  }

  /** "ana@client.test bounced: 550 5.1.1 mailbox does not exist. Confirm or correct …". */
  private static String message(List<AddressFlags.Flag> flags) {
    String why =
        flags.stream().map(f -> f.address() + " " + f.describe()).collect(Collectors.joining("; "));
    return why
        + (flags.size() == 1
            ? ". Confirm or correct the address first."
            : ". Confirm or correct these addresses first.");
  }

  private static Map<String, Object> view(AddressFlags.Flag flag) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("address", flag.address());
    view.put("status", flag.status().name());
    view.put("reason", flag.reason());
    view.put("flaggedAt", flag.flaggedAt() == null ? null : flag.flaggedAt().toString());
    return view;
  }
}
