package com.hirepilot.app.workspace;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's logo and stylesheet, open to anyone: email clients fetch the logo without signing in,
 * and the portal's sign-in pages link the stylesheet. Neither carries anything but the brand.
 *
 * <p>The address of each carries a version ({@code ?v=}) that changes with its content, so an
 * answer to the current version is cached for a year; any other address is revalidated each time. A
 * missing logo or workspace is a bare 404: the asker is an image or stylesheet loader, not a reader
 * of problem documents.
 */
@RestController
class BrandController {

  private static final CacheControl FOR_GOOD =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
  private static final MediaType CSS =
      new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);

  private final AgencyBrands brands;
  private final WorkspaceLogos logos;

  BrandController(AgencyBrands brands, WorkspaceLogos logos) {
    this.brands = brands;
    this.logos = logos;
  }

  @GetMapping("/brand/{workspaceId}/logo")
  ResponseEntity<byte[]> logo(
      @PathVariable String workspaceId, @RequestParam(name = "v", required = false) String v) {
    Optional<WorkspaceLogos.Logo> found = logos.find(workspaceId);
    if (found.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    WorkspaceLogos.Logo logo = found.get();
    String version = AgencyBrands.logoVersion(logo.digest());
    return ResponseEntity.ok()
        .cacheControl(version.equals(v) ? FOR_GOOD : CacheControl.noCache())
        .eTag(version)
        .contentType(MediaType.parseMediaType(logo.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .body(logo.content());
  }

  /**
   * The brand colour as CSS custom properties, for the portal's stylesheet to use. Built from the
   * validated colour alone, so nothing an agency types can reach the stylesheet.
   */
  @GetMapping("/brand/{workspaceId}/theme.css")
  ResponseEntity<String> theme(
      @PathVariable String workspaceId, @RequestParam(name = "v", required = false) String v) {
    Optional<AgencyBrand> found = brands.find(workspaceId);
    if (found.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    AgencyBrand brand = found.get();
    String version = brand.colour().substring(1);
    return ResponseEntity.ok()
        .cacheControl(version.equals(v) ? FOR_GOOD : CacheControl.noCache())
        .contentType(CSS)
        .header("X-Content-Type-Options", "nosniff")
        .body(
            ":root{--brand:"
                + brand.colour()
                + ";--brand-contrast:"
                + brand.contrast()
                + ";--brand-text:"
                + brand.textColour()
                + "}\n");
  }
}
