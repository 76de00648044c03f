package dev.iamlint.terraform.evaluation;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * One evaluated resource or data source instance. {@code values} holds its arguments and
 * nested blocks (a block type maps to a list of maps, as in plan JSON); attributes not written
 * are absent. {@code address} is the full instance address
 * ({@code module.a.aws_iam_role.r["k"]}); {@code scope} is the module instance it lives in.
 * {@code symbolic} marks the one instance that stands for an unknown count or for_each.
 */
public record TfResource(String scope, String address, String mode, String type, String name, Value.MapV values,
    Location location, Location header, boolean symbolic, List<Location> callSites,
    Optional<String> unknownCount) {

  /** {@code unknownCount}: for a symbolic instance, why its count or for_each is not known and where that came from. */
  public TfResource(String scope, String address, String mode, String type, String name, Value.MapV values,
      Location location, Location header, boolean symbolic, List<Location> callSites) {
    this(scope, address, mode, type, name, values, location, header, symbolic, callSites, Optional.empty());
  }

  public TfResource(String scope, String address, String mode, String type, String name, Value.MapV values,
      Location location, Location header, boolean symbolic) {
    this(scope, address, mode, type, name, values, location, header, symbolic, List.of());
  }

  public boolean isData() {
    return mode.equals("data");
  }
}
