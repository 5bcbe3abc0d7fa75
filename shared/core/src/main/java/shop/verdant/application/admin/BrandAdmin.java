package shop.verdant.application.admin;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.domain.admin.CategoryChanges;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;

/**
 * Admins run the brands: create, rename, retire (no longer offered to merchants nor listed in the shop's filters; the
 * products that carry it keep its name) and bring back. The Brands stream has the shop's cached list follow.
 */
public final class BrandAdmin {
    private final BrandRepository brands;
    private final Supplier<String> suffixes;

    public BrandAdmin(BrandRepository brands, Supplier<String> suffixes) {
        this.brands = brands;
        this.suffixes = suffixes;
    }

    public List<Brand> list() {
        return brands.findAll().stream().sorted(Comparator.comparing(Brand::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Brand create(String name) {
        String n = brandName(name);
        Brand b = new Brand(CategoryChanges.idFor(n, suffixes.get()), n);
        brands.save(b);
        return b;
    }

    public Brand update(String brandId, String name, Boolean retired) {
        Brand b = brands.findAll().stream().filter(x -> x.brandId().equals(brandId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No brand " + brandId + "."));
        Brand next = new Brand(b.brandId(), name == null ? b.name() : brandName(name), retired == null ? b.retired() : retired);
        if (!next.equals(b)) {
            brands.save(next);
        }
        return next;
    }

    private static String brandName(String raw) {
        String n = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (n.length() < 2 || n.length() > 60) {
            throw ValidationException.of("name", "The brand's name, 2 to 60 characters.");
        }
        return n;
    }
}
