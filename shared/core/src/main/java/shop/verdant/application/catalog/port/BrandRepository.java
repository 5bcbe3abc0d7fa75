package shop.verdant.application.catalog.port;

import java.util.List;
import shop.verdant.domain.catalog.Brand;

public interface BrandRepository {
    List<Brand> findAll();

    void save(Brand brand);
}
