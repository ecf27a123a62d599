package dev.tributary.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConnectorCatalogueTest {

  /**
   * Finds every public {@code static final ConnectorDescriptor} constant in the module's compiled
   * classes, so that a connector added without a catalogue entry fails here.
   */
  @Test
  void listsEveryPublicDescriptorConstantInTheModuleExactlyOnce() throws Exception {
    List<ConnectorDescriptor> declared = declaredDescriptorConstants();

    assertThat(declared).hasSizeGreaterThanOrEqualTo(13);
    assertThat(ConnectorCatalogue.all()).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void idsAreUniqueAndFindable() {
    List<String> ids = ConnectorCatalogue.all().stream().map(ConnectorDescriptor::id).toList();

    assertThat(ids).doesNotHaveDuplicates();
    for (ConnectorDescriptor d : ConnectorCatalogue.all()) {
      assertThat(ConnectorCatalogue.find(d.id())).containsSame(d);
    }
    assertThat(ConnectorCatalogue.find("no-such-connector")).isEmpty();
  }

  @Test
  void everyDescriptorSaysWhatTheCatalogueShows() {
    for (ConnectorDescriptor d : ConnectorCatalogue.all()) {
      assertThat(d.name()).as(d.id()).isNotBlank();
      assertThat(d.description()).as(d.id()).hasSizeGreaterThan(40);
      assertThat(d.patterns()).as(d.id()).isNotEmpty();
      assertThat(d.techniques()).as(d.id()).isNotEmpty();
      assertThat(d.frequencies()).as(d.id()).isNotEmpty();
      assertThat(d.resultingData()).as(d.id()).isNotEmpty();
      for (ConfigField f : d.configuration()) {
        assertThat(f.description()).as(d.id() + "." + f.name()).isNotBlank();
      }
    }
  }

  @Test
  void vendorConnectorsComeAfterTheGenericOnes() {
    assertThat(ConnectorCatalogue.all())
        .startsWith(ConnectorCatalogue.generic().toArray(ConnectorDescriptor[]::new))
        .endsWith(ConnectorCatalogue.vendors().toArray(ConnectorDescriptor[]::new))
        .hasSize(ConnectorCatalogue.generic().size() + ConnectorCatalogue.vendors().size());
  }

  private static List<ConnectorDescriptor> declaredDescriptorConstants()
      throws IOException, URISyntaxException, ReflectiveOperationException {
    Path classes =
        Path.of(
            ConnectorCatalogue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<ConnectorDescriptor> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
        if (!Modifier.isPublic(type.getModifiers())) {
          continue;
        }
        for (Field field : type.getDeclaredFields()) {
          int mods = field.getModifiers();
          if (field.getType() == ConnectorDescriptor.class
              && Modifier.isPublic(mods)
              && Modifier.isStatic(mods)
              && Modifier.isFinal(mods)) {
            found.add((ConnectorDescriptor) field.get(null));
          }
        }
      }
    }
    return found;
  }
}
