package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.User;
import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Values built of records, written and read back; a payload that is not one reads as nothing, never as an error. */
class RecordCodecTest {
  record Box(String name, int count, boolean flag, BigDecimal number, Optional<Value> value, List<Value> values,
      Value.Cause cause) {}

  private static final Location HERE = new Location("a.tf", 1, 2, 3, 4);

  private static Box sample() {
    Provenance from = Provenance.of("value of x in a.tf", HERE);
    Value inner = new Value.MapV(List.of(new Value.MapV.Entry("Action", HERE, new Value.Str("iam:*", HERE, from))), HERE, from);
    List<Value> values = new ArrayList<>();
    values.add(new Value.Str("{\"a\":1}", HERE, Provenance.LITERAL, Optional.of(inner)));
    values.add(new Value.Num(new BigDecimal("-12.5e3"), HERE, from));
    values.add(new Value.Bool(true, new Location("b.tf", 9, 1, 9, 5), from));
    values.add(new Value.Null(HERE, Provenance.LITERAL));
    values.add(new Value.ListV(List.of(inner, inner), HERE, from));
    values.add(new Value.Unknown(Value.Cause.DEPLOY_TIME, "known after apply", Optional.of(new Reference("m",
        "aws_iam_role.r", "arn")), Optional.of("arn:aws:iam::\uFFFF:role/x"), HERE, from));
    values.add(new Value.OneOf(List.of(inner, new Value.Str("\ud800 lone surrogate", HERE, from)), HERE, from));
    return new Box("naïve ✓", -7, true, new BigDecimal("3.14"), Optional.of(inner), values, Value.Cause.INPUT);
  }

  @Test
  void aValueReadsBackEqual() {
    RecordCodec<Box> codec = RecordCodec.of(Box.class, Location.class, Provenance.class);
    Box box = sample();
    assertEquals(Optional.of(box), codec.encode(box).flatMap(codec::decode));
  }

  @Test
  void theModelBuilderIsWrittenByItsLists() {
    RecordCodec<ModelBuilder> codec = RecordCodec.of(ModelBuilder.class, Location.class);
    ModelBuilder model = new ModelBuilder();
    ResourceRef r = new ResourceRef("s", "aws_iam_user.u", "aws_iam_user", HERE, HERE);
    model.resources.add(r);
    model.users.add(new User(r, new Value.Str("u", HERE, Provenance.LITERAL), Optional.empty()));
    ModelBuilder back = codec.encode(model).flatMap(codec::decode).orElseThrow();
    assertEquals(model.resources, back.resources);
    assertEquals(model.users, back.users);
    assertTrue(back.roles.isEmpty());
    assertTrue(codec.description().contains("users:list<dev.iamlint.model.User("), codec.description());
  }

  @Test
  void aTypeWithAPartItCannotWriteIsRefused() {
    record WithMap(Map<String, String> map) {}
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.of(WithMap.class));
  }

  /** Truncated, flipped and random payloads: each decodes to nothing or to some value, and never throws. */
  @Test
  void damagedPayloadsNeverThrow() {
    RecordCodec<Box> codec = RecordCodec.of(Box.class, Location.class, Provenance.class);
    byte[] good = codec.encode(sample()).orElseThrow();
    Random random = new Random(42);
    int refused = 0;
    for (int i = 0; i < 5_000; i++) {
      byte[] bad;
      switch (i % 3) {
        case 0 -> bad = Arrays.copyOf(good, random.nextInt(good.length));
        case 1 -> {
          bad = good.clone();
          for (int k = 0; k <= random.nextInt(4); k++) bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
        }
        default -> {
          bad = new byte[random.nextInt(200)];
          random.nextBytes(bad);
        }
      }
      if (codec.decode(bad).isEmpty()) refused++;
    }
    assertTrue(refused > 4_000, "most damaged payloads are refused: " + refused);
  }
}
